"""The Dagster UI over dxw's definitions: served on loopback, rendered by headless Chromium, lists the assets.

Starts ``dagster-webserver`` (temporary DAGSTER_HOME, a free port), waits
until its GraphQL endpoint knows the code location, renders the asset catalog
in Debian's Chromium and checks it against the definitions and the GraphQL API.
The server's whole process group is killed at the end, whatever happens.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
STARTUP_TIMEOUT_SECONDS = 180
# The pipeline's own assets (dbt adds the models of marts and staging), and its automation.
PIPELINE_ASSETS = {
    "staging/raw_documents",
    "staging/raw_observations",
    "staging/raw_document_context",
    "marts/dim_document",
    "marts/fct_observation",
    "published_warehouse",
    "dq_report",
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def graphql(base: str, query: str) -> dict:  # type: ignore[type-arg]
    request = urllib.request.Request(
        f"{base}/graphql",
        data=json.dumps({"query": query}).encode(),
        headers={"content-type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())["data"]  # type: ignore[no-any-return]


def asset_keys_from_api(base: str) -> set[str]:
    data = graphql(base, "{ assetNodes { assetKey { path } } }")
    return {"/".join(node["assetKey"]["path"]) for node in data["assetNodes"]}


@pytest.fixture(scope="module")
def webserver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    home = tmp_path_factory.mktemp("dagster_home")
    port = free_port()
    env = os.environ | {"DAGSTER_HOME": str(home), "DXW_WAREHOUSE": str(home / "warehouse.duckdb")}
    executable = Path(sys.executable).parent / "dagster-webserver"
    log = (home / "webserver.log").open("w")
    server = subprocess.Popen(
        [str(executable), "-m", "dagster_project.definitions", "-h", "127.0.0.1", "-p", str(port)],
        env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
        while True:
            assert server.poll() is None, (home / "webserver.log").read_text()[-2000:]
            try:
                if asset_keys_from_api(base):
                    break
            except (urllib.error.URLError, ConnectionError, KeyError, TypeError):
                pass
            assert time.monotonic() < deadline, "the webserver did not load the definitions in time"
            time.sleep(2)
        yield base
    finally:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=30)
        log.close()


def rendered_dom(url: str, profile: Path) -> str:
    """The page's DOM after its JavaScript ran, from headless Chromium."""
    result = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
         # Tall enough that the catalog's virtualised list renders every row.
         "--window-size=1400,8000", "--virtual-time-budget=15000", "--dump-dom", url],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def test_the_asset_catalog_in_a_browser_lists_the_pipeline_assets(webserver: str, tmp_path: Path) -> None:
    dom = rendered_dom(f"{webserver}/assets?view=flat", tmp_path / "chromium")

    shown = set(re.findall(r'href="/assets/([^"?#]+)"', dom))
    assert shown >= PIPELINE_ASSETS, PIPELINE_ASSETS - shown
    assert shown == asset_keys_from_api(webserver)  # every asset of the definitions, and nothing else


def test_the_ui_knows_the_checks_the_schedule_and_the_sensor(webserver: str) -> None:
    data = graphql(
        webserver,
        "{ repositoriesOrError { ... on RepositoryConnection { nodes {"
        " schedules { name cronSchedule } sensors { name } } } }"
        ' assetNodeOrError(assetKey: {path: ["marts", "fct_observation"]}) {'
        " ... on AssetNode { assetChecksOrError { ... on AssetChecks { checks { name } } } } } }",
    )
    (repository,) = data["repositoriesOrError"]["nodes"]
    assert [(s["name"], s["cronSchedule"]) for s in repository["schedules"]] == [("dxw_daily", "0 2 * * *")]
    assert [s["name"] for s in repository["sensors"]] == ["dxw_inbox_sensor"]
    checks = {c["name"] for c in data["assetNodeOrError"]["assetChecksOrError"]["checks"]}
    assert "fct_observation_blocking" in checks
