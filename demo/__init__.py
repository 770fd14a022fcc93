"""Demo content: the seed article, its three clinicians and sample Arizona centers.

Content is data (``article``, ``clinicians``, ``centers``); ``loader.load_demo()`` turns it into the site's
pages, snippets and sign-offs, idempotently. ``manage.py load_demo`` runs it.
"""
