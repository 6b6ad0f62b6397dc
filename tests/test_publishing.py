"""Publishing: the GitHub Pages workflow builds with make and deploys with the official actions."""

import os
import subprocess

import yaml

from site_builder import ROOT


def test_pages_workflow_builds_with_make_and_deploys_the_site_folder():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    assert workflow[True]["push"]["branches"] == ["main"]  # YAML 1.1 reads the key `on` as True
    assert workflow["permissions"]["pages"] == "write" and workflow["permissions"]["id-token"] == "write"
    build = workflow["jobs"]["build"]["steps"]
    uses = [step.get("uses", "").split("@")[0] for step in build]
    assert uses.index("actions/configure-pages") < uses.index("actions/upload-pages-artifact")
    make = next(step for step in build if step.get("run") == "make build")
    assert "SITE_URL" in make["env"]
    upload = next(step for step in build if step.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "site"
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]


def _deploy_check(site_root):
    return subprocess.run(["make", "--no-print-directory", "-f", str(ROOT / "Makefile"), "deploy-check"],
                          cwd=site_root, capture_output=True, text=True)


def test_make_deploy_names_a_file_too_large_for_a_push_before_pushing(tmp_path):
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("<p>small</p>", encoding="utf-8")
    assert _deploy_check(tmp_path).returncode == 0
    with open(tmp_path / "site" / "timeline.json", "wb") as large:  # sparse: takes no disk space
        large.truncate(101 * 1024 * 1024)
    checked = _deploy_check(tmp_path)
    assert checked.returncode != 0
    assert "site/timeline.json" in checked.stderr and "GitHub Actions workflow" in checked.stderr
    assert "index.html" not in checked.stderr


def test_make_build_fails_on_a_page_mkdocs_warns_about(tmp_path):
    """`make build` runs MkDocs with --strict, and with nothing that hides its warnings from it
    (--quiet does: MkDocs then drops warnings before --strict counts them)."""
    planned = subprocess.run(["make", "--no-print-directory", "-n", "-f", str(ROOT / "Makefile"), "build"],
                             cwd=ROOT, capture_output=True, text=True, check=True).stdout
    command = next(line.split() for line in planned.splitlines() if line.startswith(".venv/bin/mkdocs build"))
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n\n[gone](missing.md)\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: Test\n", encoding="utf-8")
    built = subprocess.run([str(ROOT / command[0]), *command[1:]], cwd=tmp_path, capture_output=True, text=True,
                           env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert built.returncode != 0
    assert "missing.md" in built.stderr
