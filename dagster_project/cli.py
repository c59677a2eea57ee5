"""The `dxw` command (placeholder until the pipeline lands)."""


def main() -> int:
    raise SystemExit("dxw: not built yet")
