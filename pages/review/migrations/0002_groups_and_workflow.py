"""Groups "Editors" and "Clinical reviewers" with their permissions, and the "Clinical review" workflow.

Permissions are created here if they do not exist yet (Django only creates them in post_migrate, after all
migrations have run on a fresh database). Existing article indexes get the workflow; new ones get it from
``pages.review.signals.attach_review_workflow``.
"""

from django.db import migrations

WORKFLOW_NAME = "Clinical review"
EDITORS = "Editors"
REVIEWERS = "Clinical reviewers"

PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    # Reviewers reach the editor through the workflow; they do not publish directly.
    REVIEWERS: [],
}
# (app_label, model, codenames) per group; "choose" and "view" let editors use choosers and listings.
MODEL_PERMISSIONS = {
    EDITORS: [
        ("wagtailadmin", "admin", ["access_admin"]),
        ("wagtailimages", "image", ["add_image", "change_image", "choose_image"]),
        ("wagtaildocs", "document", ["add_document", "change_document", "choose_document"]),
        ("providers", "provider", ["add_provider", "change_provider", "view_provider", "publish_provider"]),
        ("providers", "treatmentcenter", ["add_treatmentcenter", "change_treatmentcenter", "view_treatmentcenter", "publish_treatmentcenter"]),
        ("review", "signoff", ["view_signoff"]),
    ],
    REVIEWERS: [
        ("wagtailadmin", "admin", ["access_admin"]),
        ("wagtailimages", "image", ["choose_image"]),
        ("providers", "provider", ["view_provider"]),
        ("review", "signoff", ["view_signoff"]),
    ],
}


def _permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    verb = codename.split("_", 1)[0]
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": f"Can {verb} {model}"}
    )
    return permission


def create_groups_and_workflow(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    ClinicalReviewTask = apps.get_model("review", "ClinicalReviewTask")
    ArticleIndexPage = apps.get_model("pages", "ArticleIndexPage")

    groups = {name: Group.objects.get_or_create(name=name)[0] for name in (EDITORS, REVIEWERS)}
    for name, triples in MODEL_PERMISSIONS.items():
        for app_label, model, codenames in triples:
            for codename in codenames:
                groups[name].permissions.add(_permission(apps, app_label, model, codename))

    root = Page.objects.filter(depth=1).order_by("path").first()
    if root is not None:
        for name, codenames in PAGE_PERMISSIONS.items():
            for codename in codenames:
                GroupPagePermission.objects.get_or_create(
                    group=groups[name], page=root, permission=_permission(apps, "wagtailcore", "page", codename)
                )

    task_type, _ = ContentType.objects.get_or_create(app_label="review", model="clinicalreviewtask")
    task = ClinicalReviewTask.objects.filter(name=WORKFLOW_NAME).first()
    if task is None:
        task = ClinicalReviewTask.objects.create(name=WORKFLOW_NAME, content_type=task_type, active=True)
    task.groups.add(groups[REVIEWERS])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task_id=task.pk, defaults={"sort_order": 0})
    for index in ArticleIndexPage.objects.all():
        WorkflowPage.objects.get_or_create(page_id=index.pk, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("review", "0001_initial"),
        ("pages", "0001_initial"),
        ("providers", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0001_initial"),
        ("wagtaildocs", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_groups_and_workflow, migrations.RunPython.noop)]
