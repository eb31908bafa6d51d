#include "ledger/content_reader.h"

#include <fstream>
#include <sstream>

namespace drillbase::ledger {

namespace {
std::string joinIssues(const std::string& file, const std::vector<ContentIssue>& issues) {
    std::string s;
    for (const auto& i : issues) {
        if (!s.empty()) s += '\n';
        s += file + ": " + (i.pointer.empty() ? "/" : i.pointer) + ": " + i.message;
    }
    return s;
}

std::string joinDiagnostics(const std::vector<Diagnostic>& diagnostics) {
    std::string s;
    for (const auto& d : diagnostics) {
        if (!s.empty()) s += '\n';
        s += d.format();
    }
    return s;
}

std::vector<ContentIssue> issuesOf(const std::vector<Diagnostic>& diagnostics) {
    std::vector<ContentIssue> out;
    for (const auto& d : diagnostics) out.push_back({d.pointer, d.message});
    return out;
}
}  // namespace

ContentError::ContentError(const std::string& file, const std::vector<ContentIssue>& issues)
    : std::runtime_error(joinIssues(file, issues)), issues_(issues) {}

ContentError::ContentError(const std::vector<Diagnostic>& diagnostics)
    : std::runtime_error(joinDiagnostics(diagnostics)), issues_(issuesOf(diagnostics)) {}

nlohmann::json readJsonFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw ContentError(file.string(), {{"", "cannot read the file"}});
    std::stringstream text;
    text << in.rdbuf();
    try {
        return nlohmann::json::parse(text.str());
    } catch (const nlohmann::json::parse_error& e) {
        throw ContentError(file.string(), {{"", std::string("not valid JSON: ") + e.what()}});
    }
}

void ContentReader::error(const std::string& pointer, std::string message) {
    issues_.push_back({pointer, std::move(message)});
}

const nlohmann::json* ContentReader::at(const std::string& pointer) const {
    try {
        const nlohmann::json::json_pointer p(pointer);
        return root_.contains(p) ? &root_.at(p) : nullptr;
    } catch (const nlohmann::json::exception&) {
        return nullptr;
    }
}

const nlohmann::json* ContentReader::field(const std::string& obj, const char* key, bool required) {
    const auto* parent = at(obj);
    if (!parent || !parent->is_object()) return nullptr;
    const auto it = parent->find(key);
    if (it == parent->end()) {
        if (required) error(obj, std::string("missing required field \"") + key + "\"");
        return nullptr;
    }
    return &*it;
}

std::optional<std::size_t> ContentReader::array(const std::string& obj, const char* key) {
    const auto* v = field(obj, key, true);
    if (!v) return std::nullopt;
    if (!v->is_array()) {
        error(pointerChild(obj, key), "must be an array");
        return std::nullopt;
    }
    return v->size();
}

std::optional<std::string> ContentReader::string(const std::string& obj, const char* key,
                                                 bool required) {
    const auto* v = field(obj, key, required);
    if (!v) return std::nullopt;
    if (!v->is_string()) {
        error(pointerChild(obj, key), "must be a string");
        return std::nullopt;
    }
    return v->get<std::string>();
}

std::optional<std::int64_t> ContentReader::integer(const std::string& obj, const char* key,
                                                   std::int64_t min, std::int64_t max) {
    const auto* v = field(obj, key, true);
    if (!v) return std::nullopt;
    if (!v->is_number_integer()) {
        error(pointerChild(obj, key), "must be a whole number");
        return std::nullopt;
    }
    const auto n = v->get<std::int64_t>();
    if (n < min || n > max) {
        error(pointerChild(obj, key), "must be between " + std::to_string(min) + " and " +
                                          std::to_string(max) + ", got " + std::to_string(n));
        return std::nullopt;
    }
    return n;
}

std::optional<bool> ContentReader::boolean(const std::string& obj, const char* key, bool required) {
    const auto* v = field(obj, key, required);
    if (!v) return std::nullopt;
    if (!v->is_boolean()) {
        error(pointerChild(obj, key), "must be true or false");
        return std::nullopt;
    }
    return v->get<bool>();
}

std::optional<CivilDate> ContentReader::date(const std::string& obj, const char* key,
                                             bool required) {
    const auto text = string(obj, key, required);
    if (!text) return std::nullopt;
    const auto d = parseIsoDate(*text);
    if (!d)
        error(pointerChild(obj, key),
              "must be a real date written YYYY-MM-DD, got \"" + *text + "\"");
    return d;
}

void ContentReader::onlyKeys(const std::string& obj, std::initializer_list<const char*> known) {
    const auto* v = at(obj);
    if (!v || !v->is_object()) return;
    for (const auto& [key, value] : v->items()) {
        bool found = false;
        for (const char* k : known) found = found || key == k;
        if (!found) error(pointerChild(obj, key), "unknown field \"" + key + "\"");
    }
}

}  // namespace drillbase::ledger
