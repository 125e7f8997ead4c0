"""Generated filings for benchmarks: any number, each with distinct contents, in the real layouts of
tests/data (the JL MAG seeds and the dev filings).

Three layouts, in turn: a board announcement (allotment-results style body, the closing
`As at the date of this announcement, the Board comprises: (i) ... (ii) ... (iii) ...` paragraph and
the signature block), a share-pledge notice (the seeds' pledge and accumulated-pledge tables, cells
tab-separated) and poll results (the seeds' resolution tables with vote counts and percentages).
Issuer, people, pledgees, dates, share counts and votes are drawn from a seeded generator, so the
same `(n, seed)` gives the same corpus and every filing differs from every other. Usage from code:
`write_corpus(folder, n)`; from the shell: `python -m bench.corpus FOLDER N`.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SURNAMES = ("Chan Wong Lee Cheung Lau Ho Leung Lam Ng Yip Tang Kwok Fung Tsang Lo Cheng Mak Poon Yuen Chow "
            "Zhang Wang Li Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Luo Gao").split()
GIVEN = ("Wei Fang Min Jun Hui Ling Yan Qiang Lei Jie Tao Ming Hua Bin Hong Xin Yu Ping Kai Feng Bo Chao "
         "Siu Ka Wing Kin Man Tat Yee Mei Chun Kwan Sze Hoi Lok Yat Pui Shing").split()
PLACES = ("Jiangxi Zhejiang Hunan Anhui Fujian Sichuan Guangdong Shandong Hubei Yunnan Shaanxi Jiangsu "
          "Harbour Victoria Kowloon Pearl Orchid Jade Golden Silver Crown Summit Pacific Eastern").split()
TRADES = ("Rare-Earth Magnet Biotech Logistics Cold-Chain Robotics Semiconductor Pharmaceutical Outdoor "
          "Parking Smart-Energy Water Foods Materials Medical Education Property Securities Fintech").split()
FORMS = ("Holdings Limited", "Co., Ltd.", "Group Limited", "International Limited", "Technology Co., Ltd.")
PLEDGEES = ("CITIC Securities Co., Ltd.", "Bank of Yuelu Co., Ltd.", "Huatai Securities Co., Ltd.",
            "China Merchants Bank Co., Ltd.", "Guotai Junan Securities Co., Ltd.", "Industrial Bank Co., Ltd.")
RESOLUTIONS = ("To receive and consider the audited financial statements and the reports of the directors and "
               "of the auditors for the year", "To declare a final dividend", "To re-elect {person} as a director",
               "To re-appoint the auditors and to authorise the board of directors to fix their remuneration",
               "To grant a general mandate to the directors to issue new shares", "To grant a general mandate "
               "to the directors to repurchase shares", "To consider and approve the amendments to the Articles "
               "of Association")
DISCLAIMER = ("Hong Kong Exchanges and Clearing Limited and The Stock Exchange of Hong Kong Limited take no "
              "responsibility for the contents of this announcement, make no representation as to its accuracy or "
              "completeness and expressly disclaim any liability whatsoever for any loss howsoever arising from or "
              "in reliance upon the whole or any part of the contents of this announcement.")
BODY = ("The Board is pleased to announce that the {n:,} Offer Shares under the Global Offering were allotted on "
        "{date}. Investors who applied through the designated channels may check the results of allocations "
        "by identification number. The final Offer Price has been determined at HK${price:.2f} per Offer Share, "
        "and the net proceeds from the Global Offering are estimated to be approximately HK${proceeds:,} million "
        "after deduction of underwriting fees and commissions and estimated expenses payable by the Company. "
        "The Directors confirm that, to the best of their knowledge, information and belief, no placee or public "
        "investor has been financed directly or indirectly by the Company or any of its subsidiaries, and that "
        "the minimum public float requirement under Rule 8.08 of the Listing Rules will be complied with at all "
        "times after the Listing. Share certificates will only become valid evidence of title at 8:00 a.m. on "
        "the Listing Date provided that the Global Offering has become unconditional in all respects.")


@dataclass(frozen=True)
class Issuer:
    name: str
    code: str
    executives: tuple[str, ...]
    non_executives: tuple[str, ...]
    independents: tuple[str, ...]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(GIVEN)}{rng.choice(GIVEN).lower()}"


def _honorific(rng: random.Random, name: str) -> str:
    return f"{rng.choice(('Mr.', 'Ms.', 'Mr.', 'Dr.'))} {name}"


def _issuer(rng: random.Random, i: int) -> Issuer:
    people: list[str] = []
    while len(people) < 9:
        p = _person(rng)
        if p not in people:
            people.append(p)
    e, n = rng.randint(2, 3), rng.randint(1, 3)
    name = f"{rng.choice(PLACES)} {rng.choice(TRADES)} {i:05d} {rng.choice(FORMS)}".upper()
    return Issuer(name, f"{rng.randint(1, 9999):04d}", tuple(people[:e]), tuple(people[e:e + n]),
                  tuple(people[e + n:e + n + 3]))


def _date(rng: random.Random) -> dt.date:
    return dt.date(2019, 1, 1) + dt.timedelta(days=rng.randint(0, 2500))


def _long(d: dt.date) -> str:
    return f"{d.strftime('%B')} {d.day}, {d.year}"


def _list(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _cover(issuer: Issuer, title: str) -> list[str]:
    return [DISCLAIMER, "", issuer.name, "", "(Incorporated in the Cayman Islands with limited liability)", "",
            f"(Stock Code: {issuer.code})", "", title, ""]


def _closing(rng: random.Random, issuer: Issuer, date: dt.date) -> list[str]:
    chair = issuer.executives[0]
    ex = [_honorific(rng, p) for p in issuer.executives]
    ne = [_honorific(rng, p) for p in issuer.non_executives]
    ind = [_honorific(rng, p) for p in issuer.independents]
    return ["By order of the Board", issuer.name, chair, "Chairman", "", f"Hong Kong, {_long(date)}", "",
            f"As at the date of this announcement, the Board comprises: (i) {_list(ex)} as executive Directors; "
            f"(ii) {_list(ne)} as non-executive Directors; and (iii) {_list(ind)} as independent non-executive "
            "Directors."]


def board_filing(rng: random.Random, issuer: Issuer) -> str:
    date = _date(rng)
    lines = _cover(issuer, "ANNOUNCEMENT OF ALLOTMENT RESULTS")
    for _ in range(rng.randint(6, 12)):
        lines += [BODY.format(n=rng.randint(10**6, 10**9), date=_long(date), price=rng.uniform(1, 80),
                              proceeds=rng.randint(50, 9000)), ""]
    return "\n".join(lines + _closing(rng, issuer, date)) + "\n"


def pledge_filing(rng: random.Random, issuer: Issuer) -> str:
    date = _date(rng)
    holder = issuer.executives[0]
    held = rng.randint(5_000, 90_000) + rng.randint(0, 9999) / 10_000
    pledged = round(held * rng.uniform(0.02, 0.3), 2)
    start = date - dt.timedelta(days=rng.randint(1, 5))
    capital = rng.uniform(0.5, 5)
    lines = _cover(issuer, "ANNOUNCEMENT PLEDGE OF CERTAIN SHARES BY CONTROLLING SHAREHOLDERS") + [
        f"On {_long(date)}, {issuer.name} (the \"Company\") received a notice from Mr. {holder}, a controlling "
        "shareholder of the Company, informing that certain shares of the Company held by him have been pledged. "
        "Details are as follows:", "",
        "I. BASIC INFORMATION OF THE PLEDGE OF SHARES BY THE SHAREHOLDER", "",
        "Name of Shareholder\tWhether a Controlling Shareholder or the largest Shareholder and the person acting in "
        "concert\tNumber of pledged shares (in 10 thousand)\tProportion to the number of shares held\tProportion in "
        "the total share capital of the Company\tWhether the pledged shares are restricted\tWhether supplemental "
        "pledge is adopted\tCommencement date of the pledge\tExpiry date of the pledge\tPledgee\tPurpose of the pledge",
        f"{holder}\tYes\t{pledged:,.2f}\t{100 * pledged / held:.2f}%\t{capital:.2f}%\tNo\tNo\t{_long(start)}\tUntil "
        f"the procedure for releasing the pledge is completed\t{rng.choice(PLEDGEES)}\tProduction and operation",
        f"Total\t-\t{pledged:,.2f}\t{100 * pledged / held:.2f}%\t{capital:.2f}%\t-\t-\t-\t-\t-\t-", "",
        "Note: The pledged shares do not involve performance commitments and share compensation obligations such "
        "as major assets restructuring.", "",
        "The Company will continue to follow the subsequent progress of the pledge of shares by the shareholder "
        "and fulfill its information disclosure obligations in a timely manner as required. Investors are "
        "advised to pay attention to the investment risks.", ""]
    return "\n".join(lines + _closing(rng, issuer, date)) + "\n"


def poll_filing(rng: random.Random, issuer: Issuer) -> str:
    date = _date(rng)
    total = rng.randint(10**8, 3 * 10**9)
    present = int(total * rng.uniform(0.2, 0.8))
    lines = _cover(issuer, f"POLL RESULTS OF THE ANNUAL GENERAL MEETING HELD ON {_long(date).upper()}") + [
        f"The board of directors (the \"Board\") of {issuer.name} (the \"Company\") is pleased to announce the "
        f"poll results of the annual general meeting of the Company held on {_long(date)} (the \"AGM\").", "",
        f"As at the date of the AGM, the total number of issued shares of the Company (the \"Shares\") was "
        f"{total:,} Shares. The total number of Shares with voting rights represented by the Shareholders "
        f"attending the AGM in person or by proxy was {present:,} Shares, representing approximately "
        f"{100 * present / total:.4f}% of the total number of Shares.", "",
        "The poll results in respect of the respective resolutions at the AGM were as follows:", "",
        "ORDINARY RESOLUTIONS\t\tNUMBER OF VOTES (%)\t\t", "\t\tFOR\tAGAINST\tABSTAIN"]
    for number, title in enumerate(rng.sample(RESOLUTIONS, rng.randint(4, len(RESOLUTIONS))), start=1):
        title = title.format(person=_honorific(rng, rng.choice(issuer.independents)))
        against, abstain = rng.randint(0, present // 20), rng.randint(0, 10_000)
        votes = (present - against - abstain, against, abstain)
        cells = "\t".join(f"{v:,} ({100 * v / present:.4f}%)" for v in votes)
        lines.append(f"{number}.\t{title}\t{cells}")
    lines += ["", "As more than 50% of the votes were cast in favour of each of the above resolutions, all the "
              "resolutions were duly passed as ordinary resolutions of the Company.", ""]
    return "\n".join(lines + _closing(rng, issuer, date)) + "\n"


LAYOUTS = (("board", board_filing), ("pledge", pledge_filing), ("poll", poll_filing))


def filings(n: int, seed: int = 11) -> Iterator[tuple[str, str]]:
    """(file name, text) of `n` filings, the layouts in turn, one new issuer every three filings."""
    rng = random.Random(seed)
    issuer = _issuer(rng, 0)
    for i in range(n):
        if i % 3 == 0:
            issuer = _issuer(rng, i // 3)
        kind, write = LAYOUTS[i % len(LAYOUTS)]
        yield f"{kind}__{i:06d}.txt", write(rng, issuer)


def write_corpus(folder: Path, n: int, seed: int = 11) -> int:
    """Write `n` filings into `folder`; returns the number of words written."""
    folder.mkdir(parents=True, exist_ok=True)
    words = 0
    for name, text in filings(n, seed):
        (folder / name).write_text(text, encoding="utf-8")
        words += len(text.split())
    return words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("n", type=int)
    args = parser.parse_args()
    print(f"{write_corpus(args.folder, args.n):,} words in {args.n} filings written to {args.folder}")


if __name__ == "__main__":
    main()
