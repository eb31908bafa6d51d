#include "common/i18n.h"

#include <set>

namespace drillbase {

Catalog Catalog::load(const std::filesystem::path& file, std::vector<Diagnostic>& out) {
    const auto doc = loadJsonFile(file, out);
    if (!doc) return {};
    return fromDocument(*doc, out);
}

Catalog Catalog::fromDocument(const JsonDocument& doc, std::vector<Diagnostic>& out) {
    Catalog c;
    if (!doc.value.is_object()) {
        out.push_back(doc.diag("", "a string catalog must be a JSON object of key: text"));
        return c;
    }
    for (const auto& [key, value] : doc.value.items()) {
        const auto ptr = pointerChild("", key);
        if (!value.is_string()) {
            out.push_back(doc.diag(ptr, "must be a string"));
            continue;
        }
        c.strings_[key] = value.get<std::string>();
    }
    const auto it = c.strings_.find("meta.locale");
    if (it == c.strings_.end())
        out.push_back(doc.diag("", "missing \"meta.locale\" (e.g. \"zh-CN\")"));
    else
        c.locale_ = it->second;
    return c;
}

const std::string* Catalog::find(const std::string& key) const {
    const auto it = strings_.find(key);
    return it == strings_.end() ? nullptr : &it->second;
}

Strings::Strings(Catalog primary, Catalog fallback)
    : primary_(std::move(primary)), fallback_(std::move(fallback)) {}

const char* Strings::tr(const std::string& key) const {
    if (const auto* s = primary_.find(key)) return s->c_str();
    if (const auto* s = fallback_.find(key)) return s->c_str();
    // Keep the key alive for the caller: ImGui takes const char* for this frame only, but a
    // missing key is rare enough that a small interned set costs nothing.
    static thread_local std::set<std::string> missing;
    return missing.insert(key).first->c_str();
}

void checkCatalogParity(const std::vector<JsonDocument>& locales, std::vector<Diagnostic>& out) {
    std::set<std::string> allKeys;
    for (const auto& doc : locales)
        if (doc.value.is_object())
            for (const auto& [k, v] : doc.value.items()) allKeys.insert(k);
    for (const auto& doc : locales) {
        if (!doc.value.is_object()) continue;
        for (const auto& key : allKeys) {
            const auto ptr = pointerChild("", key);
            if (!doc.value.contains(key))
                out.push_back(
                    doc.diag("", "missing key \"" + key + "\" present in another locale"));
            // A value of the wrong type is Catalog::fromDocument's finding; report it once.
            else if (doc.value[key].is_string() && doc.value[key].get<std::string>().empty())
                out.push_back(doc.diag(ptr, "empty text"));
        }
    }
}

}  // namespace drillbase
