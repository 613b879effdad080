"""Importers that turn FOI requests published elsewhere into knowledge entries."""
