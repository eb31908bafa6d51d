#include "common/json_fields.h"

namespace drillbase {

void FieldReader::error(const std::string& pointer, std::string message) {
    out_.push_back(doc_.diag(pointer, std::move(message)));
    ++errors_;
}

const nlohmann::json* FieldReader::at(const std::string& pointer) const {
    try {
        const auto ptr = nlohmann::json::json_pointer(pointer);
        return doc_.value.contains(ptr) ? &doc_.value.at(ptr) : nullptr;
    } catch (const nlohmann::json::exception&) {
        return nullptr;
    }
}

const nlohmann::json* FieldReader::field(const std::string& obj, const char* key, bool required) {
    const auto* parent = at(obj);
    if (!parent || !parent->is_object()) return nullptr;
    const auto it = parent->find(key);
    if (it == parent->end()) {
        if (required) error(obj, std::string("missing required field \"") + key + "\"");
        return nullptr;
    }
    return &*it;
}

std::optional<std::string> FieldReader::string(const std::string& obj, const char* key,
                                               bool required) {
    const auto* v = field(obj, key, required);
    if (!v) return std::nullopt;
    if (!v->is_string()) {
        error(pointerChild(obj, key), "must be a string");
        return std::nullopt;
    }
    return v->get<std::string>();
}

std::optional<double> FieldReader::number(const std::string& obj, const char* key, bool required) {
    const auto* v = field(obj, key, required);
    if (!v) return std::nullopt;
    if (!v->is_number()) {
        error(pointerChild(obj, key), "must be a number");
        return std::nullopt;
    }
    return v->get<double>();
}

std::optional<std::int64_t> FieldReader::integer(const std::string& obj, const char* key,
                                                 bool required) {
    const auto* v = field(obj, key, required);
    if (!v) return std::nullopt;
    if (!v->is_number_integer()) {
        error(pointerChild(obj, key), "must be a whole number");
        return std::nullopt;
    }
    return v->get<std::int64_t>();
}

std::optional<bool> FieldReader::boolean(const std::string& obj, const char* key, bool required) {
    const auto* v = field(obj, key, required);
    if (!v) return std::nullopt;
    if (!v->is_boolean()) {
        error(pointerChild(obj, key), "must be true or false");
        return std::nullopt;
    }
    return v->get<bool>();
}

bool FieldReader::isObject(const std::string& pointer) {
    const auto* v = at(pointer);
    if (v && v->is_object()) return true;
    error(pointer, v ? "must be an object" : "missing");
    return false;
}

bool FieldReader::isArray(const std::string& pointer) {
    const auto* v = at(pointer);
    if (v && v->is_array()) return true;
    error(pointer, v ? "must be an array" : "missing");
    return false;
}

}  // namespace drillbase
