"""Who said what: the pieces behind ``storyline.quotes.find_quotes``.

``marks`` finds quoted spans in plain text, ``cues`` holds the word lists, ``parse`` reads
speech verbs off the dependency parse, ``speakers`` turns a speaker phrase into an
article-local mention cluster, and ``dates`` decides the day each statement was made.
"""
