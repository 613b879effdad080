"""FOI answer bot: cited answers about Freedom-of-Information requests and digitalisation rankings."""
