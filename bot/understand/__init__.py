"""Understanding a question once: its words, language, slots, the kind of answer it asks for and its ranking
intent, as one typed object that retrieval and composition read."""
