"""The HTTP API over a real store built by the real pipeline: routes, filters, pages, the
error envelope, safety (injection, oversized and malformed input, the token)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from newsevents.store import stats
from newsevents.web.app import ApiError, Database
from tests.web.conftest import TOKEN

pytestmark = pytest.mark.model


def events(client: TestClient, **params: Any) -> list[dict[str, Any]]:
    response = client.get("/api/v1/events", params={"limit": 500, **params})
    assert response.status_code == 200, response.text
    return response.json()["items"]


def assert_envelope(response: Any, status: int, code: str) -> dict[str, Any]:
    """The one error shape (pinned): {"error": {"status", "code", "message"}} and no trace."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "code", "message"}
    assert body["error"]["status"] == status and body["error"]["code"] == code
    assert body["error"]["message"] and "Traceback" not in response.text
    return body


# ---------------------------------------------------------------- reads


def test_healthz_counts_the_store(client: TestClient) -> None:
    body = client.get("/healthz").json()
    assert body["status"] == "ok" and body["read_only"] is True
    assert body["articles"] == 4 and body["events"] >= 10


def test_events_leave_negated_out_unless_asked(client: TestClient) -> None:
    default = events(client)
    assert default and all(e["modality"] != "negated" for e in default)
    everything = events(client, include_negated="true")
    assert len(everything) >= len(default)


def _countries(e: dict[str, Any]) -> set[str | None]:
    return {(e["actor"] or {}).get("country"), (e["recipient"] or {}).get("country")}


def _words(e: dict[str, Any]) -> str:
    parts = [e["evidence"]["sentence"], e["evidence"]["trigger"]]
    parts += [(e[role] or {}).get("text") or "" for role in ("actor", "recipient")]
    return " ".join(parts).lower()


FILTERS = [
    ({"country": "kor"}, lambda e: "KOR" in _countries(e)),
    ({"actor": "kim"}, lambda e: "kim" in f"{e['actor']['text']} {e['actor']['name']}".lower()),
    ({"category": "CONSULT"}, lambda e: e["event_type"] == "CONSULT"),
    ({"quad_class": 4}, lambda e: e["quad_class"] == 4),
    ({"modality": "hypothetical"}, lambda e: e["modality"] == "hypothetical"),
    (
        {"since": "2022-06-01", "until": "2022-06-15"},
        lambda e: "2022-06-01" <= e["date"] <= "2022-06-15",
    ),
    ({"q": "missile"}, lambda e: "missile" in _words(e)),
]


@pytest.mark.parametrize(("params", "check"), FILTERS)
def test_each_filter_keeps_only_matching_events(
    client: TestClient, params: dict[str, Any], check: Any
) -> None:
    found = events(client, **params)
    assert found, params
    assert all(check(e) for e in found), params
    assert len(found) < len(events(client)), f"{params} filtered nothing"


def test_cursor_pages_cover_every_event_once_in_order(client: TestClient) -> None:
    every = [e["event_id"] for e in events(client, sort="confidence", order="asc")]
    seen: list[str] = []
    url: str | None = "/api/v1/events?limit=4&sort=confidence&order=asc"
    while url:
        body = client.get(url).json()
        assert len(body["items"]) <= 4
        seen += [e["event_id"] for e in body["items"]]
        url = body["next"]
    assert seen == every and len(set(seen)) == len(seen)


def test_events_are_sorted_as_asked(client: TestClient) -> None:
    dates = [e["date"] for e in events(client, sort="date", order="desc")]
    dated = [d for d in dates if d is not None]
    assert dated and dates[: len(dated)] == sorted(dated, reverse=True)  # undated ones last
    confidence = [e["confidence"] for e in events(client, sort="confidence", order="asc")]
    assert confidence == sorted(confidence)


def test_event_has_evidence_spans_article_and_its_cluster(client: TestClient) -> None:
    first = events(client, limit=1)[0]
    body = client.get(f"/api/v1/events/{first['event_id']}").json()
    assert body["evidence"] == first["evidence"]
    cluster = body["cluster"]  # `run` files every event into a cluster
    assert cluster is not None and first["event_id"] in cluster["members"]
    assert cluster["n_reports"] >= 1 and cluster["evidence"]
    article = client.get(f"/api/v1/articles/{body['article_id']}").json()
    roles = {s["role"] for s in body["spans"]}
    assert "trigger" in roles
    for span in body["spans"]:
        assert article["text"][span["start"] : span["end"]] == span["text"], span


def test_article_spans_index_its_text(client: TestClient) -> None:
    body = client.get("/api/v1/articles/web-talks").json()
    assert body["title"] == "Seoul and Tokyo hold talks" and body["spans"]
    for span in body["spans"]:
        assert body["text"][span["start"] : span["end"]] == span["text"]


def test_clusters_list_the_stored_clusters_filtered_and_paged(client: TestClient) -> None:
    body = client.get("/api/v1/clusters", params={"country": "PRK", "limit": 2}).json()
    assert body["items"] and len(body["items"]) <= 2
    for c in body["items"]:
        assert "PRK" in (c["actor_country"], c["recipient_country"], c["location_country"])
        assert c["n_reports"] >= 1 and c["evidence"]
    if body["next"]:
        rest = client.get(body["next"]).json()["items"]
        ids = {c["cluster_id"] for c in body["items"]}
        assert rest and not ids & {c["cluster_id"] for c in rest}


def test_actors_count_both_roles(client: TestClient) -> None:
    items = client.get("/api/v1/actors").json()["items"]
    assert items and all(a["events"] == a["as_actor"] + a["as_recipient"] for a in items)
    assert [a["events"] for a in items] == sorted((a["events"] for a in items), reverse=True)


def test_timeline_counts_add_up_to_the_dated_events(client: TestClient) -> None:
    for interval in ("day", "week"):
        items = client.get("/api/v1/stats/timeline", params={"interval": interval}).json()
        total = sum(p["total"] for p in items["items"])
        assert total == len([e for e in events(client) if e["date"]])
        assert all(p["total"] == p["q1"] + p["q2"] + p["q3"] + p["q4"] for p in items["items"])


def test_network_and_places_answer(client: TestClient) -> None:
    edges = client.get("/api/v1/stats/network").json()["items"]
    assert edges and all(e["events"] == e["cooperation"] + e["conflict"] for e in edges)
    places = client.get("/api/v1/stats/places").json()
    assert set(places) == {"located", "by_actor_country"}
    assert any(p["country"] == "PRK" for p in places["by_actor_country"])


def test_openapi_document_lists_the_routes(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/v1/events", "/api/v1/events/{event_id}", "/api/v1/clusters",
                 "/api/v1/actors", "/api/v1/stats/timeline", "/api/v1/articles/{article_id}",
                 "/healthz"):  # fmt: skip
        assert path in paths, path
    assert "post" in paths["/api/v1/articles"]


# ---------------------------------------------------------------- errors and safety


def test_error_envelope_is_the_same_for_every_error(client: TestClient, app: Any) -> None:
    assert_envelope(client.get("/api/v1/events/nope"), 404, "not_found")
    assert_envelope(client.get("/no/such/route"), 404, "not_found")
    assert_envelope(client.get("/api/v1/events", params={"limit": 0}), 422, "invalid_parameter")
    assert_envelope(client.get("/api/v1/events", params={"cursor": "x"}), 400, "bad_request")
    assert_envelope(client.delete("/api/v1/events"), 405, "method_not_allowed")
    assert_envelope(client.post("/api/v1/articles", json={}), 422, "invalid_parameter")


def test_a_crash_is_a_500_envelope_without_a_trace(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: Any, **__: Any) -> None:
        raise RuntimeError("secret internals /home/x/file.py line 3")

    monkeypatch.setattr(stats, "counts", broken)
    body = assert_envelope(client.get("/healthz"), 500, "internal_error")
    assert "secret" not in json.dumps(body)


@pytest.mark.parametrize(
    "value",
    ["' OR 1=1 --", "PRK'; DROP TABLE events; --", "%' UNION SELECT record FROM events --",
     "\\x00", "🙂" * 10],
)  # fmt: skip
def test_sql_injection_in_text_filters_matches_nothing(client: TestClient, value: str) -> None:
    total = client.get("/healthz").json()["events"]
    for name in ("actor", "recipient", "country", "q"):
        response = client.get(
            "/api/v1/events", params={name: value[:8] if name == "country" else value}
        )
        assert response.status_code == 200, response.text
        assert response.json()["items"] == [], (name, value)
    assert client.get("/healthz").json()["events"] == total


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"sort": "date; DROP TABLE events"}, 422),
        ({"order": "desc, (SELECT 1)"}, 422),
        ({"category": "CONSULT' OR '1'='1"}, 422),
        ({"quad_class": "1 OR 1=1"}, 422),
        ({"quad_class": 9}, 422),
        ({"limit": 501}, 422),
        ({"limit": "10000000000000000000000"}, 422),
        ({"since": "2022-13-45"}, 422),
        ({"actor": "x" * 201}, 422),
        ({"bbox": "0,0,1"}, 422),
        ({"bbox": "a,b,c,d"}, 422),
        ({"bbox": "nan,0,1,1"}, 422),
        ({"bbox": "1,2,3,4) OR (1=1"}, 422),
        ({"cursor": "not-a-cursor"}, 400),
        ({"cursor": "WyJkYXRlIiwiZGVzYyIsIic7IERST1AgVEFCTEUgZXZlbnRzOy0tIiwieCJd"}, 400),
        ({"interval": "month"}, 422),
    ],
)  # fmt: skip
def test_malformed_or_oversized_parameters_are_refused(
    client: TestClient, params: dict[str, Any], status: int
) -> None:
    path = "/api/v1/stats/timeline" if "interval" in params else "/api/v1/events"
    code = "bad_request" if status == 400 else "invalid_parameter"
    assert_envelope(client.get(path, params=params), status, code)


def test_cursor_of_another_sort_is_refused(client: TestClient) -> None:
    token = client.get("/api/v1/events", params={"limit": 1}).json()["next_cursor"]
    assert token
    response = client.get("/api/v1/events", params={"cursor": token, "sort": "confidence"})
    assert_envelope(response, 400, "bad_request")


def test_a_slow_query_is_interrupted(web_db: Any, app: Any) -> None:
    db = Database(app.state.db.store, timeout=0.2)
    with pytest.raises(ApiError) as caught:
        db.read(lambda cur: cur.execute("SELECT count(*) FROM range(100000000000)").fetchall())
    assert caught.value.status == 504


def test_pages_send_a_content_security_policy(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200 and "text/html" in response.headers["content-type"]
    assert "default-src 'self'" in response.headers["content-security-policy"]


# ---------------------------------------------------------------- writing


ARTICLE = {
    "id": "posted-1",
    "published": "2023-03-02",
    "text": "Turkish troops attacked Kurdish militants in northern Iraq on Tuesday. The Iraqi "
    "government condemned the strikes and summoned the Turkish ambassador.",
}


def test_post_is_off_without_a_configured_token(client: TestClient) -> None:
    response = client.post("/api/v1/articles", json={"articles": [ARTICLE]},
                           headers={"Authorization": f"Bearer {TOKEN}"})  # fmt: skip
    assert_envelope(response, 403, "writes_disabled")


@pytest.mark.parametrize(
    "header", [None, "Bearer wrong", f"Basic {TOKEN}", f"Bearer {TOKEN}x", "Bearer "]
)
def test_post_needs_the_exact_token(writable_client: TestClient, header: str | None) -> None:
    headers = {"Authorization": header} if header is not None else {}
    response = writable_client.post("/api/v1/articles", json={"articles": [ARTICLE]},
                                    headers=headers)  # fmt: skip
    assert_envelope(response, 401, "unauthorized")
    assert response.headers["www-authenticate"] == "Bearer"


def test_post_codes_and_stores_articles(writable_client: TestClient) -> None:
    bad = {"id": "posted-empty", "text": "   "}
    response = writable_client.post(
        "/api/v1/articles",
        json={"articles": [ARTICLE, bad]},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert response.status_code == 201, response.text
    body = response.json()
    by_id = {item["id"]: item for item in body["items"]}
    assert by_id["posted-1"]["events"] and "rejected" not in by_id["posted-1"]
    assert by_id["posted-empty"]["rejected"]["reason"] == "empty"
    stored = writable_client.get("/api/v1/articles/posted-1").json()
    assert stored["text"] == ARTICLE["text"]
    assert {e["event_id"] for e in stored["events"]} >= set(by_id["posted-1"]["events"])
    again = writable_client.post("/api/v1/articles", json={"articles": [ARTICLE]},
                                 headers={"Authorization": f"Bearer {TOKEN}"})  # fmt: skip
    assert again.json()["new_events"] == 0  # deterministic ids: posting twice adds nothing


def test_post_refuses_oversized_bodies_and_unknown_fields(writable_client: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    big = {"articles": [{"id": "big", "text": "x" * 6_100_000}]}
    assert_envelope(writable_client.post("/api/v1/articles", json=big, headers=auth), 413,
                    "too_large")  # fmt: skip
    extra = {"articles": [{**ARTICLE, "sql": "DROP TABLE events"}]}
    response = writable_client.post("/api/v1/articles", json=extra, headers=auth)
    assert_envelope(response, 422, "invalid_parameter")
    many = {"articles": [ARTICLE] * 21}
    response = writable_client.post("/api/v1/articles", json=many, headers=auth)
    assert_envelope(response, 422, "invalid_parameter")


def test_dashboard_pages_and_assets_are_all_bundled(client: TestClient) -> None:
    import re

    for page in ("/", "/events/anything", "/network"):
        html = client.get(page).text
        links = re.findall(r'(?:src|href)="([^"]*)"', html)
        assert links and all(link.startswith("/") for link in links), (page, links)
        for asset in (link for link in links if link.startswith("/static/")):
            assert client.get(asset).status_code == 200, asset
    script = client.get("/static/app.js").text
    assert set(re.findall(r"https?://[^\s\"'`]+", script)) == {"http://www.w3.org/2000/svg"}
    world = client.get("/static/world-110m.geojson").json()
    assert len(world["features"]) > 150
    assert {"PRK", "KOR", "USA"} <= {f["properties"]["iso3"] for f in world["features"]}
