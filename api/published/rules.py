"""Every relation a public representation may embed, and the rule that rebuilds stored rows when it changes.

``tests/api/test_stored_rules.py`` walks the public models, their child rows and the StreamField block types
that choose a model, and fails when a relation is missing here (so a new relation cannot be added without a
rebuild rule) or when the rule named here is not wired in :mod:`api.published.signals`.

Rules:
    ``publish``    only changes when the object is published (its publish rebuilds the row);
    ``child``      a child row: saving or deleting it rebuilds the parent (``signals.CHILD_MODELS``);
    ``m2m``        a many-to-many relation rebuilt on change, in both directions (``signals.M2M_RELATIONS``);
    ``reference``  a shared record: its change rebuilds the rows that use it (``signals.REFERENCE_MODELS``); its
                   child rows (translations of a term or crisis line, :data:`REFERENCE_CHILD_RELATIONS`) too
                   (``signals.REFERENCE_CHILD_MODELS``);
    ``object``     another public object: its change rebuilds the rows that embed it (``uses:`` facets) and
                   the rows that may start embedding it (``rebuild.REVERSE_RULES``);
    ``tree``       the page tree / view restrictions (``page_slug_changed``, ``post_page_move``, restrictions);
    ``none``       not part of any public representation.
"""

from __future__ import annotations

EMBEDDED_RELATIONS: dict[str, str] = {
    # Articles
    "pages.ArticlePage.hero_image": "reference",
    "pages.ArticlePage.og_image": "reference",
    "pages.ArticlePage.topics": "reference",
    "pages.ArticlePage.levels_of_care": "reference",
    "pages.ArticlePage.references": "publish",
    "pages.ArticlePage.authors": "publish",
    "pages.ArticlePage.review_stamps": "child",
    "pages.ArticlePage.signoffs": "child",  # through ArticleStamps, which every sign-off recomputes
    "pages.ArticlePage.publications": "child",  # through ArticleStamps (first published / last updated)
    "pages.ArticlePage.live_revision": "child",  # a signed-off live revision recomputes ArticleStamps
    "pages.ArticlePage.view_restrictions": "tree",
    "pages.ArticleAuthor.provider": "object",
    # Clinicians
    "providers.Provider.live_revision": "publish",
    "providers.Provider.photo": "reference",
    "providers.Provider.specialties": "m2m",
    "providers.Provider.centers": "m2m",
    "providers.Provider.languages": "m2m",  # not shown yet; who may review translations (pages.review)
    "providers.Provider.credential_holdings": "child",
    "providers.Provider.translations": "child",  # job title and bio per locale (rows per locale rebuild)
    "providers.Provider.authored": "object",  # "articles reviewed" lists articles: REVERSE_RULES["article"]
    "providers.Provider.signoffs": "object",
    "providers.CredentialHolding.credential": "reference",
    # Centers
    "providers.TreatmentCenter.live_revision": "publish",
    "providers.TreatmentCenter.hours": "child",
    "providers.TreatmentCenter.programs": "child",
    "providers.TreatmentCenter.licenses": "child",
    "providers.TreatmentCenter.contacts": "child",
    "providers.TreatmentCenter.accreditations": "child",
    "providers.TreatmentCenter.translations": "child",
    "providers.TreatmentCenter.providers": "m2m",
    "providers.TreatmentCenter.services": "m2m",
    "providers.TreatmentCenter.conditions": "m2m",
    "providers.TreatmentCenter.populations": "m2m",
    "providers.TreatmentCenter.languages": "m2m",
    "providers.TreatmentCenter.payers": "m2m",
    "providers.CenterProgram.level_of_care": "reference",
}

# Child rows of the shared records representations embed (term labels, crisis lines in each locale).
REFERENCE_CHILD_RELATIONS: dict[str, str] = {
    "providers.Topic.translations": "reference",
    "providers.LevelOfCare.translations": "reference",
    "providers.Service.translations": "reference",
    "providers.Payer.translations": "reference",
    "providers.Population.translations": "reference",
    "providers.Language.translations": "reference",
    "providers.CrisisResource.translations": "reference",
}

# Relations of the public models that never reach a representation (admin, workflow and search bookkeeping).
NOT_EMBEDDED: frozenset[str] = frozenset(
    {
        "latest_revision",
        "locked_by",
        "owner",
        "content_type",
        "locale",
        "alias_of",
        "aliases",
        "user",
        "page_ptr",
        "_revisions",
        "_workflow_states",
        "_specific_workflow_states",
        "index_entries",
        "formsubmission",
        "redirect",
        "sites_rooted_here",
        "group_permissions",
        "workflowpage",
        "wagtail_admin_comments",
        "subscribers",
        "verified_by",
        "listing_verified_by",  # a staff account: the listing's verifier is an admin record, not published
        "center",  # child rows' parent keys
        "page",
        "provider",
        "translation_origin",  # admin bookkeeping: which source revision a translation follows
        "translation_targets",
    }
)

# StreamField / rich text references to models, by target model: all are public objects or shared records.
BLOCK_TARGETS: dict[str, str] = {
    "wagtailcore.Page": "object",  # page choosers and rich-text links: articles (uses:pages.articlepage)
    "providers.TreatmentCenter": "object",
    "providers.Provider": "object",
    "providers.LevelOfCare": "reference",  # "centers offering a level of care" lists: uses any center
    "wagtailimages.Image": "reference",
}
