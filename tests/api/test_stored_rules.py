"""Every relation a public representation embeds has a rule that rebuilds stored rows when it changes."""

from __future__ import annotations

from django.apps import apps
from modelcluster.fields import ParentalKey
from wagtail import blocks

from api.published import rules, signals
from api.published.registry import KINDS, kind_for
from providers.models.translations import translated_models

CHILD_MODELS_OF_KINDS = ("pages.ArticleAuthor", "providers.CredentialHolding", "providers.CenterProgram")


def relations() -> set[str]:
    found = set()
    for label in [kind.model_label for kind in KINDS] + list(CHILD_MODELS_OF_KINDS):
        model = apps.get_model(label)
        for field in model._meta.get_fields():
            if field.is_relation and field.name not in rules.NOT_EMBEDDED:
                found.add(f"{label}.{field.name}")
    return found


def chooser_targets(block, seen=None) -> set[str]:
    seen = seen if seen is not None else set()
    if id(block) in seen:
        return set()
    seen.add(id(block))
    targets = set()
    if isinstance(block, blocks.ChooserBlock):
        targets.add(block.target_model._meta.label)
    for child in getattr(block, "child_blocks", {}).values():
        targets |= chooser_targets(child, seen)
    if hasattr(block, "child_block"):
        targets |= chooser_targets(block.child_block, seen)
    return targets


def test_every_embedded_relation_has_a_rebuild_rule():
    missing = relations() - set(rules.EMBEDDED_RELATIONS)
    assert not missing, f"Relations without a rebuild rule in api/published/rules.py: {sorted(missing)}"


def test_every_rule_is_wired():
    children = {label.lower() for label in signals.CHILD_MODELS}
    m2m = {f"{label}.{name}" for label, name in signals.M2M_RELATIONS}
    references = {label.lower() for label in signals.REFERENCE_MODELS}
    for relation, rule in rules.EMBEDDED_RELATIONS.items():
        label, name = relation.rsplit(".", 1)
        field = apps.get_model(label)._meta.get_field(name)
        target = field.related_model._meta.label
        if rule == "reference":
            assert target.lower() in references, relation
        elif rule == "m2m":
            assert relation in m2m or f"{target}.{field.remote_field.name}" in m2m, relation
        elif rule == "child" and target != "wagtailcore.Revision":
            assert target.lower() in children or "review.articlestamps" in children, relation
        elif rule == "object":
            assert kind_for(apps.get_model(target)) is not None or kind_for(apps.get_model(label)), relation


def test_every_block_that_chooses_a_model_has_a_rule():
    from pages.models import ArticlePage

    body = ArticlePage._meta.get_field("body").stream_block
    targets = chooser_targets(body)
    assert targets, "no chooser blocks found: the walk is broken"
    missing = targets - set(rules.BLOCK_TARGETS)
    assert not missing, f"Block targets without a rebuild rule in api/published/rules.py: {sorted(missing)}"
    references = {label.lower() for label in signals.REFERENCE_MODELS}
    for target, rule in rules.BLOCK_TARGETS.items():
        if rule == "reference":
            assert target.lower() in references or target == "providers.LevelOfCare", target


def reference_child_relations() -> set[str]:
    """Child rows (ParentalKey) of the shared records representations embed: their translations."""
    found = set()
    for label in signals.REFERENCE_MODELS:
        model = apps.get_model(label)
        for field in model._meta.get_fields():
            if field.one_to_many and isinstance(getattr(field, "remote_field", None), ParentalKey):
                found.add(f"{model._meta.label}.{field.name}")
    return found


def test_every_child_row_of_a_shared_record_has_a_rebuild_rule():
    relations = reference_child_relations()
    assert "providers.Topic.translations" in relations, "the walk over shared records' child rows is broken"
    missing = relations - set(rules.REFERENCE_CHILD_RELATIONS)
    assert not missing, f"Child rows of shared records without a rule in api/published/rules.py: {sorted(missing)}"


def test_every_translation_model_is_wired_to_rebuild_what_shows_it():
    """A changed translation row rebuilds its object's rows (clinicians, centers) or the rows that embed its
    record (terms, crisis lines): every concrete translation model is wired one way or the other."""
    wired = {label.lower() for label in signals.CHILD_MODELS} | {
        label.lower() for label in signals.REFERENCE_CHILD_MODELS
    }
    models = translated_models()
    assert len(models) >= 9
    missing = [model._meta.label for model in models if model._meta.label_lower not in wired]
    assert not missing, f"Translation models no signal rebuilds on: {missing}"
    for label, attribute in signals.REFERENCE_CHILD_MODELS.items():
        parent = apps.get_model(label)._meta.get_field(attribute.removesuffix("_id")).related_model
        assert parent._meta.label in signals.REFERENCE_MODELS, label
