// SPDX-License-Identifier: Apache-2.0
// PdfObjects.hpp - just enough of a PDF reader to append a signature to the documents par-audit
// prints: objects (null, booleans, numbers, strings, names, arrays, dictionaries, references,
// streams), classic cross-reference tables followed through /Prev (libharu writes them, and so do
// our incremental updates), and a writer of objects. Cross-reference streams and object streams are
// refused with a clear message: par-audit never writes them, and signing a file another program
// rewrote is out of scope (sign the PDF par-audit printed).
// Limits: nesting depth 64, at most 1,000,000 objects, streams read by /Length.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace par::pdf::obj {

struct Value;
using Array = std::vector<Value>;
using Dict = std::vector<std::pair<std::string, Value>>;  // keys without the slash, in file order

struct Ref {
    int num = 0;
    int gen = 0;
};

struct Value {
    enum class Type { Null, Bool, Number, String, Name, Array, Dict, Ref };
    Type type = Type::Null;
    bool boolean = false;
    std::string text;  // number as written, string bytes (decoded), name (decoded, no slash)
    bool hex = false;  // string written <…>
    std::shared_ptr<Array> array;
    std::shared_ptr<Dict> dict;
    Ref ref;

    static Value number(double v);
    static Value integer(long long v);
    static Value name(std::string n);
    static Value string(std::string bytes, bool hex = false);
    static Value reference(int num, int gen = 0);
    static Value makeArray(Array a = {});
    static Value makeDict(Dict d = {});

    bool is(Type t) const { return type == t; }
    double num() const;
    long long integer() const;
    // Dictionary access; nullptr when absent or not a dictionary.
    const Value* get(std::string_view key) const;
    void set(const std::string& key, Value v);
    void erase(std::string_view key);
};

struct Object {
    int num = 0;
    int gen = 0;
    Value value;
    bool isStream = false;
    std::string stream;  // raw (still encoded) stream bytes
};

class File {
public:
    // Parses the cross-reference chain; throws ParseError (with `name`) on anything unexpected.
    File(std::string bytes, std::string name);

    const std::string& bytes() const { return bytes_; }
    const std::string& name() const { return name_; }
    const Value& trailer() const { return trailer_; }
    size_t lastXref() const { return lastXref_; }
    int size() const;  // the trailer's /Size
    bool has(int num) const { return offsets_.count(num) > 0; }

    Object object(int num) const;
    // Follows a reference (once; a reference to a missing object is null).
    Value resolve(const Value& v) const;
    // The page objects in order (the /Pages tree walked).
    std::vector<Ref> pages() const;

private:
    std::string bytes_;
    std::string name_;
    Value trailer_;
    size_t lastXref_ = 0;
    std::map<int, size_t> offsets_;  // object number -> byte offset (in-use entries)
};

// Serialises a value ("<< /Type /Sig … >>"); strings as (…) with escapes, or <hex> when `hex`.
std::string write(const Value& v);
// "N G obj\n…\nendobj\n", with the stream and its /Length when it is one.
std::string writeObject(int num, const Value& v, const std::string* stream = nullptr);

// Parses one value from text (tests, and the appearance writer's own snippets).
Value parse(std::string_view text);

}  // namespace par::pdf::obj
