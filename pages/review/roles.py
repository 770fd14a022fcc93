"""Names of the groups clinical review is built on (created by the review app's data migration).

A leaf module: anything, including lower apps such as ``providers``, may import it without importing the
review domain.
"""

REVIEWERS_GROUP = "Clinical reviewers"
EDITORS_GROUP = "Editors"
