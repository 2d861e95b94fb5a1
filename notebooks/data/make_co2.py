"""Writes co2.csv, the Mauna Loa weekly CO₂ series that statsmodels ships.

The source is `statsmodels.datasets.co2` (statsmodels on PyPI, BSD-3-Clause; the data set
itself is in the public domain). Weeks without a measurement are dropped, and each week's
date (the Saturday that ends it, YYYYMMDD) becomes a decimal year, so that derive can read
the file as numbers:

    year,co2
    1958.2384,316.1

Run it with the statsmodels version named in README.md:

    python3 -m venv /tmp/co2 && /tmp/co2/bin/pip install statsmodels==0.15.0
    /tmp/co2/bin/python notebooks/data/make_co2.py
"""

import datetime
import pathlib

from statsmodels.datasets import co2


def decimal_year(day: datetime.date) -> float:
    """The year plus the fraction of it elapsed at the start of `day`."""
    start = datetime.date(day.year, 1, 1)
    length = (datetime.date(day.year + 1, 1, 1) - start).days
    return day.year + (day - start).days / length


def main() -> None:
    data = co2.load_pandas().data["co2"].dropna()
    lines = ["year,co2"]
    for timestamp, value in data.items():
        lines.append(f"{decimal_year(timestamp.date()):.4f},{value:.1f}")
    out = pathlib.Path(__file__).with_name("co2.csv")
    out.write_text("\n".join(lines) + "\n")
    print(f"wrote {len(lines) - 1} weeks to {out}")


if __name__ == "__main__":
    main()
