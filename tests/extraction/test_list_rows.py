"""Results rows read from the text alone (no model): list lines without a header, a name run into its
first number, summary rows, and whether a row's name cell holds the name alone."""

from ingest.elections.result_rows import list_rows, result_rows


def _rows(text: str) -> list[tuple[str, int]]:
    return [(text[r.start:r.end], r.seats) for r in result_rows(text)]


def test_colon_and_dash_lines_that_say_seats_are_rows():
    text = ("Seats in the new chamber:\nVelorian Workers League: 48 seats\n- QRDP – 27 seats\n"
            "Others: 3 seats\nTurnout: 61%\nNeeded for a majority: 51 seats\n")
    assert _rows(text) == [("Velorian Workers League", 48), ("QRDP", 27)]


def test_count_with_its_change_in_brackets_is_a_row():
    text = "Seats won:\nNew Dawn Union 26 (+18)\nGreen Farmers Bloc 16 (-5)\nStability First 15 (new)\n"
    assert _rows(text) == [("New Dawn Union", 26), ("Green Farmers Bloc", 16), ("Stability First", 15)]


def test_bare_counts_need_a_run_below_a_line_of_seats():
    assert _rows("Final seat count:\nTorvan Party: 40\nMeridian Bloc: 12\n") == [("Torvan Party", 40),
                                                                              ("Meridian Bloc", 12)]
    assert _rows("Casualties by district:\nNorth: 40\nSouth: 12\n") == []
    assert _rows("Results by region:\nNorth: 40\nSouth: 12\n") == []
    assert _rows("Seats:\nTorvan Party: 40 seats\n") == []  # one line alone is no list


def test_a_list_under_a_years_heading_is_that_years_elections():
    text = "Seats in the 2019 parliament:\nTorvan Party: 40 seats\nMeridian Bloc: 12 seats\n"
    rows = list(result_rows(text))
    assert [(r.seats, r.year) for r in rows] == [(40, 2019), (12, 2019)]
    assert _rows("Seats in 2019 and 2023:\nTorvan Party: 40 seats\nMeridian Bloc: 12 seats\n") == []


def test_a_name_run_into_its_first_number_is_split_off():
    text = ("Party                     Votes     %      Seats   +/-\n"
            "Velorian Centre Alliance of the North 93,254   15.3   16      -3\n"
            "Union 200                 81,329    13.3   14      +14\n")
    assert _rows(text) == [("Velorian Centre Alliance of the North", 16), ("Union 200", 14)]


def test_others_and_independents_rows_are_no_parties():
    text = "Party | Seats | Votes\nTorvan Party | 40 | 100,000\nIndependents | 2 | 4,000\nOthers | 0 | 900\n"
    assert _rows(text) == [("Torvan Party", 40)]


def test_a_row_holding_a_leaders_name_is_not_whole():
    text = "Party Leader Votes % Seats\nTorvan Party Ana Delgado 1,000 40.1 12\n"
    rows = list(result_rows(text))
    want = [("Torvan Party Ana Delgado", 12, False)]
    assert [(text[r.start:r.end], r.seats, r.whole) for r in rows] == want
    assert all(r.whole for r in result_rows("Party | Votes | Seats\nTorvan Party | 1,000 | 12\n"))


def test_list_rows_alone_read_no_table():
    assert list(list_rows("Party | Votes | Seats\nTorvan Party | 1,000 | 12\n")) == []
