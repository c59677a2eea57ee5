"""Parts of a whole, linked by parent_observation_id."""

from tests.extraction_helpers import by_text, extract


def test_total_with_three_parts_across_sentences():
    text = (
        "Năm 2024, tỉnh triển khai tổng số 120 nhiệm vụ chuyển đổi số. Trong đó đã hoàn thành 80 nhiệm vụ, "
        "đang triển khai 35 nhiệm vụ; còn 5 nhiệm vụ chưa triển khai."
    )
    obs = by_text(extract(text), text)
    total = obs["120"]
    assert total.component == "total"
    for number, component in (("80", "completed"), ("35", "in_progress"), ("5", "not_started")):
        assert obs[number].component == component
        assert obs[number].parent_observation_id == total.observation_id


def test_fraction_whole_with_trong_do_parts():
    text = "Có 12/12 nền tảng dùng chung đã đưa vào sử dụng, trong đó 9 nền tảng sử dụng chính thức, 3 nền tảng thử nghiệm."
    obs = by_text(extract(text), text)
    assert obs["12/12"].component == "total"
    assert obs["9"].parent_observation_id == obs["12/12"].observation_id
    assert obs["3"].parent_observation_id == obs["12/12"].observation_id
    assert (obs["9"].component, obs["3"].component) == ("official", "trial")


def test_restated_whole_links_to_the_first_statement():
    text = (
        "Trong số 25 mục tiêu, tỉnh đã đạt và vượt 15 mục tiêu. Trong 15 mục tiêu đã đạt có 5 mục tiêu về "
        "chính quyền số, 10 mục tiêu về kinh tế số."
    )
    obs = extract(text)
    spans = [(text[o.span_start : o.span_end], o.span_start) for o in obs]
    assert len([s for s in spans if s[0] == "15"]) == 1  # the restatement is not a second figure
    got = by_text(obs, text)
    assert got["15"].parent_observation_id == got["25"].observation_id
    assert got["5"].parent_observation_id == got["15"].observation_id
    assert got["10"].parent_observation_id == got["15"].observation_id
    assert got["5"].component == "digital_government"


def test_a_temporal_subset_without_a_component_is_not_a_part():
    text = "Đã đơn giản hóa 500/800 thủ tục hành chính, trong đó trong 6 tháng đầu năm đã đơn giản hóa 120 thủ tục."
    obs = by_text(extract(text, published="2024-07-01"), text)
    assert obs["120"].parent_observation_id is None


def test_counts_of_different_indicators_are_not_parts():
    text = "Tổng số 40 nhiệm vụ đã hoàn thành; toàn tỉnh có 200 tổ công nghệ số cộng đồng đang hoạt động."
    obs = by_text(extract(text), text)
    assert obs["200"].parent_observation_id is None


def test_counts_that_add_up_to_the_count_before_them_are_its_parts():
    text = "Toàn tỉnh có 3.210 trạm BTS (820 trạm 2G; 1.140 trạm 3G và 1.250 trạm 4G); 95 xã có cáp quang."
    obs = by_text(extract(text), text)
    assert obs["3.210"].component == "total"
    assert [obs[n].parent_observation_id for n in ("820", "1.140", "1.250")] == [
        obs["3.210"].observation_id
    ] * 3
    assert obs["95"].parent_observation_id is None  # the next count, which does not add up


def test_counts_that_do_not_add_up_are_not_parts():
    text = "Toàn tỉnh có 3.210 trạm BTS, 1.140 trạm 3G và 1.250 trạm 4G."
    obs = by_text(extract(text), text)
    assert obs["1.140"].parent_observation_id is None and obs["1.250"].parent_observation_id is None


def test_a_count_out_of_a_total_is_a_part_of_it():
    text = "Tỷ lệ số hóa đạt 95%, tương ứng 812.400 trên tổng số 855.100 hồ sơ."
    obs = by_text(extract(text), text)
    assert obs["812.400"].parent_observation_id == obs["855.100"].observation_id
    assert obs["855.100"].component == "total"


def test_a_list_that_adds_up_by_chance_is_no_breakdown():
    text = "Huyện có 10 xã, 4 phường, 6 thị trấn được công nhận."
    obs = by_text(extract(text), text)
    assert all(obs[n].parent_observation_id is None for n in ("4", "6"))
    text = "Xét theo 95 chỉ số thành phần, có 64 chỉ số đạt điểm tối đa, 3 chỉ số không có điểm và 28 chỉ số chưa đạt."
    obs = by_text(extract(text), text)
    assert [obs[n].parent_observation_id for n in ("64", "3", "28")] == [obs["95"].observation_id] * 3


def test_counts_that_add_up_to_the_x_of_an_x_over_y_are_its_parts():
    text = (
        "Năm 2024, các cơ quan đã phấn đấu đạt và vượt 38/45 chỉ tiêu, nhiệm vụ kế hoạch đề ra, trong đó có "
        "12 chỉ tiêu vượt và 26 chỉ tiêu đạt kế hoạch."
    )
    obs = by_text(extract(text), text)
    assert [obs[n].parent_observation_id for n in ("12", "26")] == [obs["38/45"].observation_id] * 2


def test_a_whole_with_an_x_over_y_part_may_still_be_broken_down_by_sum():
    text = (
        "Tỉnh đề ra 30 mục tiêu, trong đó có 18 mục tiêu về chính quyền số và 12 mục tiêu về kinh tế số. "
        "Đến nay đã có 20/30 mục tiêu hoàn thành."
    )
    obs = by_text(extract(text), text)
    whole = obs["30"].observation_id
    assert [obs[n].parent_observation_id for n in ("18", "12", "20/30")] == [whole] * 3


def test_service_points_count_places_and_add_up():
    text = "Tỉnh có 150 điểm phục vụ bưu chính (30 bưu cục, 95 điểm Bưu điện văn hóa xã và 25 điểm phục vụ khác)."
    obs = by_text(extract(text), text)
    assert [obs[n].unit for n in ("95", "25")] == ["count", "count"]
    assert [obs[n].parent_observation_id for n in ("30", "95", "25")] == [obs["150"].observation_id] * 3


def test_an_x_over_y_is_a_part_of_the_count_of_y_stated_earlier():
    text = (
        "Kế hoạch đưa ra 20 chỉ tiêu cụ thể đến năm 2025.\n"
        "Sau hai năm, toàn tỉnh có 14/20 chỉ tiêu đạt và vượt; 12/20 nhiệm vụ hoàn thành."
    )
    obs = by_text(extract(text), text)
    assert obs["14/20"].parent_observation_id == obs["20"].observation_id
    assert obs["20"].component == "total" and not obs["20"].is_target  # a count of goals is no goal
    assert obs["12/20"].parent_observation_id is None  # tasks, not the targets counted before


def test_a_whole_naming_no_indicator_still_has_the_parts_its_trong_do_announces():
    text = (
        "Thành phố đã đưa 1.420 dịch vụ lên Cổng dịch vụ công quốc gia; trong đó, có 960 dịch vụ công "
        "trực tuyến toàn trình và 380 dịch vụ công trực tuyến một phần."
    )
    obs = by_text(extract(text), text)
    whole = obs["1.420"]
    assert whole.component == "total"
    assert obs["960"].parent_observation_id == whole.observation_id
    assert obs["380"].parent_observation_id == whole.observation_id


def test_parts_that_name_their_state_and_add_up_are_a_breakdown():
    text = (
        "UBND huyện đã giao 64 nhiệm vụ chuyển đổi số; đến nay đã hoàn thành 41 nhiệm vụ, "
        "17 nhiệm vụ đang triển khai, 6 nhiệm vụ chưa triển khai."
    )
    obs = by_text(extract(text), text)
    assert obs["64"].component == "total"
    assert [obs[n].parent_observation_id for n in ("41", "17", "6")] == [obs["64"].observation_id] * 3


def test_the_count_left_of_an_x_over_y_measures_what_it_measures():
    text = (
        "Tỉnh đã triển khai 21/25 dịch vụ công thiết yếu theo Đề án 06; 4 dịch vụ còn lại đang được "
        "triển khai."
    )
    obs = by_text(extract(text), text)
    assert obs["4"].indicator_code == obs["21/25"].indicator_code == "essential_services_online"
    assert obs["4"].component == "in_progress"


def test_parts_of_online_services_are_full_or_partial():
    text = (
        "Tỉnh có 1.862 thủ tục hành chính được cung cấp dịch vụ công trực tuyến, trong đó 1.120 thủ tục "
        "toàn trình và 742 thủ tục một phần. Tỷ lệ hồ sơ trực tuyến toàn trình đạt 38,6%."
    )
    obs = by_text(extract(text), text)
    assert (obs["1.120"].component, obs["742"].component) == ("full_online", "partial_online")
    assert obs["1.120"].parent_observation_id == obs["1.862"].observation_id
    # a rate that is nobody's part names no part
    assert obs["38,6"].component is None


def test_the_rest_of_an_x_of_y_is_a_part_of_the_whole_stated_before():
    text = (
        "Kế hoạch đặt ra 15 chỉ tiêu chuyển đổi số đến năm 2025. "
        "Đến nay, có 11/15 chỉ tiêu đạt, còn 4 chỉ tiêu chưa đạt."
    )
    obs = by_text(extract(text, published="2024-12-20"), text)
    whole = obs["15"].observation_id
    assert (obs["11/15"].parent_observation_id, obs["4"].parent_observation_id) == (whole, whole)
    assert obs["4"].component == "not_achieved"


def test_trong_do_announces_the_parts_of_its_own_sentence_only():
    text = (
        "Tỉnh đã tiếp nhận 356.000 hồ sơ trực tuyến, trong đó 82% được giải quyết sớm. "
        "Phường Xuân Hương dẫn đầu với 12.500 hồ sơ trực tuyến."
    )
    obs = by_text(extract(text), text)
    assert obs["12.500"].parent_observation_id is None
    text = "Tỉnh đã tiếp nhận 356.000 hồ sơ trực tuyến. Trong đó, 12.500 hồ sơ trực tuyến toàn trình."
    obs = by_text(extract(text), text)
    assert obs["12.500"].parent_observation_id == obs["356.000"].observation_id


def test_a_document_kind_names_parts_of_counts_only():
    text = (
        "Chỉ thị 05/CT-UBND yêu cầu 100% cơ quan sử dụng chữ ký số. Tỉnh ban hành 12 văn bản, gồm 2 chỉ thị."
    )
    obs = by_text(extract(text), text)
    assert obs["100"].component is None
    assert obs["2"].component == "directive"
