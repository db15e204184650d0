"""Results rows of any shape (invented parties): which cell is the seat count, what year brackets hold."""

from ingest.elections.bare_rows import bare_rows, bracket_year
from ingest.elections.result_rows import PREVIOUS, result_rows


def _rows(text: str) -> list[tuple[str, int, int | None]]:
    return [(text[r.start:r.end], r.seats, r.year) for r in result_rows(text)]


BARE = ("Seats by party (2016 in brackets)\n"
        "Torvan Union\t21.5%\t88\t(97)\n"
        "Meridian Front\t12.0%\t41\t(30)\n"
        "Others\t3.1%\t2\t(4)\n")


def test_headerless_tab_rows_with_captioned_bracket_year():
    assert sorted(_rows(BARE)) == sorted([("Torvan Union", 88, None), ("Torvan Union", 97, 2016),
                                          ("Meridian Front", 41, None), ("Meridian Front", 30, 2016)])


def test_bracketed_counts_without_a_year_are_no_seats():
    text = BARE.replace(" (2016 in brackets)", "")
    assert sorted(_rows(text)) == [("Meridian Front", 41, None), ("Torvan Union", 88, None)]


def test_vote_counts_shares_and_changes_are_never_seats():
    text = ("Final results\nTorvan Union | 1,204,332 | 21.5% | 88 | +9\n"
            "Meridian Front | 803,100 | 12.0% | 41 | -2\n")
    assert sorted(_rows(text)) == [("Meridian Front", 41, None), ("Torvan Union", 88, None)]


def test_two_plain_counts_leave_the_seats_unknown():
    text = "Seats\nTorvan Union\t88\t97\nMeridian Front\t41\t30\n"
    assert list(bare_rows(text)) == []


def test_a_caption_that_speaks_of_no_seats_reads_nothing():
    text = "Polling stations opened\nNorth district\t21.5%\t88\nSouth district\t12.0%\t41\n"
    assert list(bare_rows(text)) == []


def test_pipe_table_with_the_earlier_count_in_the_seat_cell():
    text = ("Results (figures for 2016 in parentheses)\nParty | Votes | % | Seats\n"
            "Torvan Union | 1,204,332 | 21.5 | 88 (97)\nMeridian Front | 803,100 | 12.0 | 41 (+11)\n")
    assert sorted(_rows(text)) == [("Meridian Front", 41, None), ("Torvan Union", 88, None),
                                   ("Torvan Union", 97, 2016)]


def test_previous_seats_column_is_the_election_before():
    text = "Party | Votes | Seats | Previous seats\nTorvan Union | 1,204,332 | 88 | 97\n"
    assert sorted(_rows(text)) == [("Torvan Union", 88, None), ("Torvan Union", 97, PREVIOUS)]


def test_seats_split_by_tier_are_read_from_the_total():
    text = ("Party | Votes | % | Seats (district) | Seats (national list) | Total\n"
            "Torvan Union | 1,204,332 | 21.5 | 80 | 8 | 88\n")
    assert _rows(text) == [("Torvan Union", 88, None)]


def test_bracket_year_forms():
    assert bracket_year("Seats won (2016 in brackets)") == 2016
    assert bracket_year("Figures in parentheses: 2016") == 2016
    assert bracket_year("Seats won in 2016") is None


def test_single_spaced_rows_under_a_caption():
    text = "Seats won (2016 in brackets):\nTorvan Union 21.5% 88 (97)\nMeridian Front 12.0% 41 (30)\n"
    assert sorted(_rows(text)) == sorted([("Torvan Union", 88, None), ("Torvan Union", 97, 2016),
                                          ("Meridian Front", 41, None), ("Meridian Front", 30, 2016)])


def test_a_row_is_never_the_caption_of_the_next():
    text = "Torvan Union 21.5% 88\nSeats Party 12.0% 41\nMeridian Front 12.0% 41\n"
    assert list(bare_rows(text)) == []


def test_a_header_of_merged_cells_leaves_the_total_that_sums_the_other_counts():
    text = ("Party\tVotes\t%\tSeats\n"
            "Torvan Union\t1,204,332\t21.5\t40\t1,100,000\t20.1\t48\t88\t+9\n"
            "Meridian Front\t803,100\t12.0\t20\t700,000\t11.0\t21\t41\t-2\n")
    assert sorted(_rows(text)) == [("Meridian Front", 41, None), ("Torvan Union", 88, None)]


def test_headerless_counts_of_district_list_and_total():
    text = "Seats by party\nTorvan Union\t21.5%\t80\t8\t88\nMeridian Front\t12.0%\t36\t5\t41\n"
    assert sorted(_rows(text)) == [("Meridian Front", 41, None), ("Torvan Union", 88, None)]
    assert list(bare_rows("Seats by party\nTorvan Union\t80\t8\t90\nMeridian Front\t36\t5\t41\n")) == []
