"""Settings package: ``base`` holds everything shared; ``dev``, ``test`` and ``production`` adjust it.

``DJANGO_SETTINGS_MODULE`` picks one (``manage.py`` defaults to ``cms.settings.dev``).
"""
