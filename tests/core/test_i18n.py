from ceplanner.core import i18n


def test_translate_is_english_until_a_translator_is_installed() -> None:
    assert i18n.translate("Checks", "No groups yet") == "No groups yet"
    i18n.set_translator(lambda context, text: f"[{context}] {text}")
    try:
        assert i18n.translate("Checks", "No groups yet") == "[Checks] No groups yet"
    finally:
        i18n.set_translator(None)
    assert i18n.translate("Checks", "No groups yet") == "No groups yet"
