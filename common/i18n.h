// i18n.h — the user-facing string catalogs (content/i18n/<locale>.json).
// Every word a person sees comes from here, Chinese first and English second. A missing key
// falls back to the other catalog and then to the key itself, so a gap is visible, not fatal.
#pragma once

#include "common/json_source.h"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace drillbase {

class Catalog {
public:
    // Loads one locale file: a flat JSON object of "dotted.key": "text". Errors are appended
    // to `out` (file:line:col); returns an empty catalog on failure.
    static Catalog load(const std::filesystem::path& file, std::vector<Diagnostic>& out);
    static Catalog fromDocument(const JsonDocument& doc, std::vector<Diagnostic>& out);

    const std::string& locale() const { return locale_; }
    bool has(const std::string& key) const { return strings_.count(key) != 0; }
    const std::string* find(const std::string& key) const;
    const std::map<std::string, std::string>& all() const { return strings_; }

private:
    std::string locale_;
    std::map<std::string, std::string> strings_;
};

// The two shipped locales, in display order.
inline constexpr const char* kLocales[] = {"zh-CN", "en"};

// Active-language look-up with fallback to the other locale.
class Strings {
public:
    Strings() = default;
    Strings(Catalog primary, Catalog fallback);
    // The text for `key`; the key itself when no catalog has it.
    const char* tr(const std::string& key) const;
    const std::string& locale() const { return primary_.locale(); }
    const Catalog& primary() const { return primary_; }

private:
    Catalog primary_;
    Catalog fallback_;
};

// Checks a set of locale catalogs against each other: each key present in every locale, every
// value a non-empty string. Reported at the value (or at the object missing the key).
void checkCatalogParity(const std::vector<JsonDocument>& locales, std::vector<Diagnostic>& out);

}  // namespace drillbase
