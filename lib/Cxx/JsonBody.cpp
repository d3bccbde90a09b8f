#include "Cxx/JsonBody.h"

#include <cctype>

namespace cloudpact::cxx {

namespace {

class JsonParser {
public:
  explicit JsonParser(std::string_view text) : text_(text) {}

  bool parseDocument(JsonNode &out) {
    skipSpace();
    if (!parseValue(out, 0))
      return false;
    skipSpace();
    return pos_ == text_.size();
  }

private:
  static constexpr int kMaxDepth = 64;

  bool parseValue(JsonNode &out, int depth) {
    if (depth > kMaxDepth || pos_ >= text_.size())
      return false;
    char c = text_[pos_];
    if (c == '{')
      return parseObject(out, depth);
    if (c == '[')
      return parseArray(out, depth);
    if (c == '"') {
      out.kind = JsonNode::Kind::String;
      return parseString(out.text, out.offset, out.length);
    }
    return parseScalar(out);
  }

  bool parseObject(JsonNode &out, int depth) {
    out.kind = JsonNode::Kind::Object;
    out.offset = pos_++;
    skipSpace();
    if (peek('}')) {
      ++pos_;
      out.length = pos_ - out.offset;
      return true;
    }
    while (true) {
      skipSpace();
      std::string key;
      size_t keyOffset = 0, keyLength = 0;
      if (!peek('"') || !parseString(key, keyOffset, keyLength))
        return false;
      skipSpace();
      if (!peek(':'))
        return false;
      ++pos_;
      skipSpace();
      JsonNode value;
      if (!parseValue(value, depth + 1))
        return false;
      out.fields.push_back(JsonMember{std::move(key), std::move(value)});
      skipSpace();
      if (peek(',')) {
        ++pos_;
        continue;
      }
      if (peek('}')) {
        ++pos_;
        out.length = pos_ - out.offset;
        return true;
      }
      return false;
    }
  }

  bool parseArray(JsonNode &out, int depth) {
    out.kind = JsonNode::Kind::Array;
    out.offset = pos_++;
    skipSpace();
    if (peek(']')) {
      ++pos_;
      out.length = pos_ - out.offset;
      return true;
    }
    while (true) {
      skipSpace();
      JsonNode item;
      if (!parseValue(item, depth + 1))
        return false;
      out.items.push_back(std::move(item));
      skipSpace();
      if (peek(',')) {
        ++pos_;
        continue;
      }
      if (peek(']')) {
        ++pos_;
        out.length = pos_ - out.offset;
        return true;
      }
      return false;
    }
  }

  bool parseString(std::string &out, size_t &offset, size_t &length) {
    ++pos_; // opening quote
    offset = pos_;
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c == '"') {
        length = pos_ - offset;
        ++pos_;
        return true;
      }
      if (static_cast<unsigned char>(c) < 0x20)
        return false;
      if (c == '\\') {
        if (pos_ + 1 >= text_.size())
          return false;
        char e = text_[pos_ + 1];
        pos_ += 2;
        switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          if (pos_ + 4 > text_.size())
            return false;
          unsigned code = 0;
          for (int i = 0; i < 4; ++i) {
            char h = text_[pos_ + i];
            if (!std::isxdigit(static_cast<unsigned char>(h)))
              return false;
            code = code * 16 + (std::isdigit(static_cast<unsigned char>(h)) ? h - '0' : (std::tolower(h) - 'a' + 10));
          }
          pos_ += 4;
          appendUtf8(out, code);
          break;
        }
        default: return false;
        }
        continue;
      }
      out += c;
      ++pos_;
    }
    return false;
  }

  bool parseScalar(JsonNode &out) {
    out.kind = JsonNode::Kind::Scalar;
    out.offset = pos_;
    while (pos_ < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '-' ||
                                   text_[pos_] == '+' || text_[pos_] == '.'))
      ++pos_;
    out.length = pos_ - out.offset;
    out.text = std::string(text_.substr(out.offset, out.length));
    if (out.text.empty())
      return false;
    if (out.text == "true" || out.text == "false" || out.text == "null")
      return true;
    char first = out.text[0];
    return first == '-' || std::isdigit(static_cast<unsigned char>(first));
  }

  static void appendUtf8(std::string &out, unsigned code) {
    if (code < 0x80) {
      out += static_cast<char>(code);
    } else if (code < 0x800) {
      out += static_cast<char>(0xC0 | (code >> 6));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
      out += static_cast<char>(0xE0 | (code >> 12));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    }
  }

  void skipSpace() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_])))
      ++pos_;
  }
  bool peek(char c) const { return pos_ < text_.size() && text_[pos_] == c; }

  std::string_view text_;
  size_t pos_ = 0;
};

// A cursor over pieces: literal characters, or a whole hole as one position.
struct Cursor {
  const std::vector<BodyPiece> &pieces;
  size_t piece = 0;
  size_t offset = 0;

  void normalize() {
    while (piece < pieces.size() && !pieces[piece].hole && offset >= pieces[piece].text.size()) {
      ++piece;
      offset = 0;
    }
  }
  bool atEnd() {
    normalize();
    return piece >= pieces.size();
  }
  bool atHole() {
    normalize();
    return piece < pieces.size() && pieces[piece].hole;
  }
  char peek() {
    normalize();
    return piece < pieces.size() && !pieces[piece].hole ? pieces[piece].text[offset] : '\0';
  }
  void advance() {
    normalize();
    if (piece >= pieces.size())
      return;
    if (pieces[piece].hole) {
      ++piece;
      offset = 0;
    } else {
      ++offset;
    }
  }
  void skipSpace() {
    while (!atEnd() && !atHole() && std::isspace(static_cast<unsigned char>(peek())))
      advance();
  }
};

} // namespace

bool parseJson(std::string_view text, JsonNode &out) {
  out = JsonNode{};
  JsonParser parser(text);
  return parser.parseDocument(out);
}

bool scanConcatenatedJson(const std::vector<BodyPiece> &pieces, std::vector<BodyField> &out) {
  out.clear();
  Cursor cur{pieces};
  cur.skipSpace();
  if (cur.atEnd() || cur.atHole() || cur.peek() != '{')
    return false;
  cur.advance();
  int depth = 1;
  bool expectKey = true;
  while (!cur.atEnd() && depth > 0) {
    if (cur.atHole()) {
      cur.advance();
      expectKey = false;
      continue;
    }
    char c = cur.peek();
    if (c == '"') {
      // A string: a key at depth 1 when followed by ':'.
      cur.advance();
      std::string text;
      bool hasHole = false;
      while (!cur.atEnd() && (cur.atHole() || cur.peek() != '"')) {
        if (cur.atHole()) {
          hasHole = true;
          cur.advance();
          continue;
        }
        if (cur.peek() == '\\') {
          cur.advance();
          if (cur.atEnd())
            break;
        }
        text += cur.peek();
        cur.advance();
      }
      cur.advance(); // closing quote
      if (depth != 1 || !expectKey || hasHole) {
        expectKey = false;
        continue;
      }
      cur.skipSpace();
      if (cur.atEnd() || cur.atHole() || cur.peek() != ':') {
        expectKey = false;
        continue;
      }
      cur.advance();
      cur.skipSpace();
      BodyField field;
      field.key = text;
      if (cur.atHole()) {
        field.parts.push_back({cur.piece, 0, 0, true});
        cur.advance();
        out.push_back(std::move(field));
        expectKey = false;
        continue;
      }
      if (cur.atEnd() || cur.peek() != '"') {
        expectKey = false;
        continue; // a nested object, array or scalar: scanned by the main loop
      }
      cur.advance();
      while (!cur.atEnd() && (cur.atHole() || cur.peek() != '"')) {
        if (cur.atHole()) {
          field.parts.push_back({cur.piece, 0, 0, true});
          cur.advance();
          continue;
        }
        if (cur.peek() == '\\') {
          cur.advance(); // escapes keep their raw bytes in the part; rare in model names
        }
        size_t piece = cur.piece, start = cur.offset;
        while (!cur.atEnd() && !cur.atHole() && cur.piece == piece && cur.peek() != '"' && cur.peek() != '\\')
          cur.advance();
        size_t end = cur.piece == piece ? cur.offset : pieces[piece].text.size();
        if (end > start)
          field.parts.push_back({piece, start, end - start, false});
      }
      cur.advance(); // closing quote
      out.push_back(std::move(field));
      expectKey = false;
      continue;
    }
    if (c == '{' || c == '[')
      ++depth;
    else if (c == '}' || c == ']')
      --depth;
    if (c == ',' && depth == 1)
      expectKey = true;
    cur.advance();
  }
  return true;
}

} // namespace cloudpact::cxx
