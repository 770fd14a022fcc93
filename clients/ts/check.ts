/**
 * A frontend's use of the generated types (openapi-typescript), type-checked with `tsc --strict` and then run
 * against a served app: list, the seed article with every body block narrowed by `type`, a clinician, centers
 * near a point, search, routes and a preview. Usage: node check.js BASE_URL PREVIEW_TOKEN
 */
import type { components, paths } from "../build/schema";

declare const process: { argv: string[]; exitCode?: number };

type Schemas = components["schemas"];
type Ok<P extends keyof paths> = paths[P]["get"]["responses"][200]["content"]["application/json"];
type Query<P extends keyof paths> = paths[P]["get"]["parameters"]["query"];

const [, , base = "http://127.0.0.1:8000", token = ""] = process.argv;

async function get<P extends keyof paths>(path: P, url: string, query?: Query<P>): Promise<Ok<P>> {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined) search.set(name, String(value));
  }
  const response = await fetch(`${base}${url}${search.size ? `?${search}` : ""}`, {
    headers: { Accept: "application/json" },
  });
  if (response.status !== 200) {
    const error = (await response.json()) as Schemas["Error"];
    throw new Error(`${url}: ${error.error.status} ${error.error.code} ${error.error.message}`);
  }
  return (await response.json()) as Ok<P>;
}

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** Every variant is handled; adding one to the schema makes this function fail to compile. */
function describe(block: Schemas["BodyBlock"]): { kind: Schemas["BodyBlock"]["type"]; labels: string[] } {
  switch (block.type) {
    case "heading":
      return { kind: block.type, labels: [`h${block.value.level} #${block.value.anchor}`] };
    case "paragraph":
      return { kind: block.type, labels: [block.value.slice(0, 10)] };
    case "list":
      return { kind: block.type, labels: [`${block.value.style}: ${block.value.items.length}`] };
    case "call_to_action": {
      const { primary, secondary } = block.value;
      return { kind: block.type, labels: [primary.label, ...(secondary ? [secondary.label] : [])] };
    }
    case "statistic":
      return { kind: block.type, labels: [`${block.value.value} [${block.value.citations.join(",")}]`] };
    case "treatment_centers":
      return { kind: block.type, labels: block.value.centers.map((center) => center.path) };
    case "program_spotlight":
      return {
        kind: block.type,
        labels: [block.value.center.name, ...(block.value.action ? [block.value.action.label] : [])],
      };
    case "faq":
      return { kind: block.type, labels: block.value.items.map((item) => item.question) };
    case "quote":
      return { kind: block.type, labels: [block.value.provider?.display_name ?? block.value.attribution ?? ""] };
    case "image":
      return { kind: block.type, labels: [block.value.image.renditions.medium?.url ?? block.value.image.url] };
    default: {
      const unreachable: never = block;
      return unreachable;
    }
  }
}

function imageUrl(image: Schemas["Image"] | null): string | null {
  return image === null ? null : (image.renditions.thumbnail?.url ?? image.url);
}

const SEED_CTA_LABELS = [
  "Start personalized outpatient care",
  "Get support that fits you",
  "Explore outpatient rehab options",
  "Start a treatment program today",
  "Begin structured mental health care",
  "Find an intensive outpatient program",
  "Talk to an outpatient specialist",
  "Learn your treatment options",
  "Start recovery with Arizona IOP",
  "Your healing can begin today",
];

async function main(): Promise<void> {
  const list = await get("/api/v1/articles/", "/api/v1/articles/", { ordering: "-last_updated", page_size: 5 });
  const summary = list.results.find((article) => article.slug === "iop-for-depression");
  check(summary !== undefined, "the seed article is listed");

  const article = await get("/api/v1/articles/{slug}/", summary.api_url);
  const described = article.body.map(describe);
  const kinds = new Set(described.map((item) => item.kind));
  for (const kind of ["paragraph", "heading", "list", "call_to_action", "statistic", "treatment_centers"] as const) {
    check(kinds.has(kind), `the seed article has a ${kind} block`);
  }
  const labels = described.filter((item) => item.kind === "call_to_action").flatMap((item) => item.labels);
  for (const label of SEED_CTA_LABELS) check(labels.includes(label), `CTA "${label}" is in the API`);
  check(imageUrl(article.hero_image) !== null, "the seed article has a hero image with renditions");
  const reviewer = article.byline.medical_providers[0];
  check(reviewer?.slug != null, "the seed article has a medical reviewer");

  const clinician = await get("/api/v1/providers/{slug}/", `/api/v1/providers/${reviewer.slug}/`);
  const credentials: string[] = clinician.credentials.map((item) => `${item.code} (${item.status})`);
  check(credentials.length > 0, "the reviewer has credentials");

  const near = await get("/api/v1/centers/", "/api/v1/centers/", { near: "33.45,-112.07", radius_km: 100 });
  const nearest = near.results[0];
  check(nearest?.distance_km !== undefined, "centers near Phoenix carry distance_km");
  const center = await get("/api/v1/centers/{slug}/", `/api/v1/centers/${nearest.slug}/`);
  const intake = center.contacts.find((contact) => contact.purpose === "admissions");
  check(intake !== undefined && center.accreditations.length > 0, "a center has contacts and accreditations");

  const found = await get("/api/v1/search/", "/api/v1/search/", { q: "depression" });
  check(found.results.some((result) => result.type === "article"), "search finds the article");

  const route = await get("/api/v1/routes/", "/api/v1/routes/", { path: "/resources/" });
  check(route.type === "article_index" || route.type === "home", "/resources/ is an article index");
  if (route.type === "article_index" || route.type === "home") {
    const listing = await get("/api/v1/articles/", route.api_url);
    check(listing.count > 0, "the index lists articles");
  }
  const articleRoute = await get("/api/v1/routes/", "/api/v1/routes/", { path: article.path });
  check(articleRoute.type === "article" && articleRoute.slug === article.slug, "an article path routes to it");

  const preview = await get("/api/v1/preview/", "/api/v1/preview/", { token });
  check("body" in preview && preview.slug === article.slug, "the preview is the article's draft");

  console.log(
    `TypeScript client: ${list.count} articles; ${article.body.length} blocks (${[...kinds].sort().join(", ")}); ` +
      `${labels.length} CTA labels; ${clinician.display_name}; ${near.count} centers near Phoenix ` +
      `(${center.contacts.length} contacts, ${center.accreditations.length} accreditations); ` +
      `${found.count} search results; routes ok; preview "${preview.review_status}"`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
