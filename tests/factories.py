"""Hand-made facts of every type, for mapping and round-trip tests (no extractor involved)."""
from __future__ import annotations

from extract.records import (
    Absence, Alias, Attendance, BoardChange, CommitteeMembership, ControllingShareholder,
    DataQualityFinding, Directorship, DocumentMeta, Evidence, Fact, FinancialEstimate, Listing,
    Meeting, MeetingOfficial, Officer, Pledge, PledgeRelease, Resolution, ShareCapital,
    Shareholding, Subsidiary, Tenure,
)

ISSUER = "Acme Widgets Co., Ltd."
DOC = "acme-2026"


def ev(start: int = 0, end: int = 10, quote: str = "quoted text", doc: str = DOC) -> Evidence:
    return Evidence(doc, start, end, quote)


def meta(doc: str = DOC, issuer: str | None = ISSUER, date: str = "2026-03-31") -> DocumentMeta:
    """A document of `issuer`; only the default issuer has a stock code (and the Chinese name)."""
    return DocumentMeta(doc_id=doc, issuer=issuer, issuer_zh="愛克米股份有限公司" if issuer == ISSUER else None,
                        stock_codes=("01234",) if issuer == ISSUER else (),
                        date=date, title="ANNOUNCEMENT", kind="other", sha256="0" * 64,
                        path=f"/data/{doc}.txt")


def board(doc: str = DOC, as_of: str = "2026-03-31", issuer: str = ISSUER) -> list[Fact]:
    """A board of six: two executive, one non-executive, three independent."""
    people = [("Chan Tai Man", "executive"), ("Ms. Lee Mei", "executive"),
              ("Wong Kar Wai", "non_executive"), ("Ho Siu Fung", "independent_non_executive"),
              ("Lam Ka Yan", "independent_non_executive"), ("Ng Wing Hong", "independent_non_executive")]
    return [Directorship(company=issuer, person=p, role=r, as_of=as_of, evidence=ev(doc=doc))
            for p, r in people]


def every_type() -> list[Fact]:
    """One fact of every record type, with every optional field filled where it has one."""
    return [
        Directorship(company=ISSUER, person="Chan Tai Man", role="executive", as_of="2026-03-31",
                     proposed=True, evidence=ev()),
        Officer(company=ISSUER, person="Chan Tai Man", title="chairman", as_of="2026-03-31",
                title_as_written="Chairman of the Board", evidence=ev()),
        CommitteeMembership(company=ISSUER, committee="audit", person="Ho Siu Fung", position="chair",
                            as_of="2026-03-31", evidence=ev()),
        BoardChange(company=ISSUER, person="Ho Siu Fung", change="appointed", effective="2026-04-01",
                    post="committee:audit", role="independent_non_executive", position="chair",
                    as_of="2026-03-31", evidence=ev()),
        Tenure(company=ISSUER, person="Wong Kar Wai", role="non_executive", first_seen="2025-01-02",
               last_seen="2025-06-30", started="2024-12-01", ended=None, left_after="2025-06-30",
               left_by="2025-09-01", evidence=ev()),
        Pledge(pledgor="Acme Holdings Limited", pledgee="Big Bank Co., Ltd.", issuer=ISSUER,
               shares=16_000_000, start="2026-03-01", end=None, purpose="Working capital",
               as_of="2026-03-31", percent_of_holding=4.13, percent_of_capital=1.19, restricted=False,
               supplemental=True, evidence=ev()),
        PledgeRelease(pledgor="Chan Tai Man", pledgee="Big Bank Co., Ltd.", issuer=ISSUER,
                      shares=2_560_000, start="2025-03-01", end="2026-03-02", as_of="2026-03-31",
                      evidence=ev()),
        Shareholding(holder="Acme Holdings Limited", company=ISSUER, shares=387_100_160, percent=28.83,
                     as_of="2026-03-31", pledged_before=1, pledged_after=2, evidence=ev()),
        ControllingShareholder(company=ISSUER, holder="Chan Tai Man", as_of="2026-03-31",
                               group_percent=31.42, evidence=ev()),
        Meeting(company=ISSUER, date="2026-03-20", kind="egm", shares_represented=660_025_770,
                percent_represented=49.1624, shares_entitled=1_342_540_451, venue="Hong Kong",
                evidence=ev()),
        Resolution(company=ISSUER, meeting_date="2026-03-20", meeting_kind="egm", number="1.01",
                   kind="special", title="To approve the change", votes_for=659_910_462,
                   votes_against=112_108, votes_abstain=None, percent_for=99.98, percent_against=0.02,
                   passed=True, evidence=ev()),
        Resolution(company=ISSUER, meeting_date="2026-03-20", meeting_kind="egm", number="2",
                   kind="ordinary", title="To re-elect", votes_for=10, votes_against=0,
                   votes_abstain=0, passed=True, evidence=ev()),
        Attendance(company=ISSUER, meeting_date="2026-03-20", person="Chan Tai Man", evidence=ev()),
        Absence(company=ISSUER, meeting_date="2026-03-20", person="Wong Kar Wai", evidence=ev()),
        MeetingOfficial(company=ISSUER, meeting_date="2026-03-20", official="Registrar Services Limited",
                        role="scrutineer", evidence=ev()),
        FinancialEstimate(company=ISSUER, metric="net_profit_attributable", period_start="2026-01-01",
                          period_end="2026-06-30", low=400_000_000, high=460_000_000, currency="CNY",
                          prior=304_953_000, change_low=31.17, change_high=50.84, evidence=ev()),
        ShareCapital(company=ISSUER, as_of="2026-03-20", total=1_342_540_451, a_shares=1_141_794_851,
                     h_shares=200_745_600, evidence=ev()),
        Listing(company=ISSUER, exchange="HKEX", code="01234", evidence=ev()),
        Subsidiary(parent=ISSUER, child="Acme Ningbo Technology Co., Ltd.", evidence=ev()),
        Alias(issuer=ISSUER, name="Acme Holdings Limited", alias="Acme Holdings", evidence=ev()),
        DataQualityFinding(company=ISSUER, check="total-row", message="rows sum to 1, total says 2",
                           evidence=ev()),
    ]
