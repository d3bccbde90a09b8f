// Extraction of one translation unit: Clang AST → flow edges and model accesses.
//
// The shape follows clang-tidy's split: the tables (CxxTables.h) are compiled once into an index
// of matchers by name, class and namespace; a walk over each function body turns matched calls
// into facts. No SDK is named in this file: what a call means is a table row.
//
// Values: locals and parameters are tracked flow-sensitively inside a function (each store makes
// a new version symbol; branches join into choices; loops get a head symbol), everything that
// outlives a call is a symbol keyed by USR: globals, static members, fields (object-insensitive),
// parameters (cxx:<function USR>#param<i>) and returns (cxx:<function USR>#return).
// Objects of SDK classes (clients, requests, configurations, curl handles) carry properties:
// symbols "<object symbol>.<Property>" written by setter rows and read by sink rows.
#include "Cxx/Extract.h"

#include "Cxx/CxxTables.h"
#include "Cxx/JsonBody.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Index/USRGeneration.h"
#include "clang/Lex/Lexer.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <type_traits>

namespace cloudpact::cxx {

namespace {

using namespace clang;

constexpr double kByNameConfidence = 0.5;

// ---------------------------------------------------------------------------------------------
// The tables, indexed once.

struct TableIndex {
  const Tables &tables;
  std::set<std::string> properties;                     // every fixed property name in the tables
  std::vector<std::vector<std::string>> objectSpaces;   // namespaces whose classes carry properties
  std::vector<const SummaryRow *> valueTypes, handles;

  explicit TableIndex(const Tables &source) : tables(source) {
    auto collect = [&](const PathExpr &expr) {
      bool fixed = false;
      for (const auto &alternative : expr.alternatives)
        for (const auto &term : alternative)
          if (term.kind == PathTerm::Kind::Path)
            for (const auto &segment : term.path.segments)
              if (!segment.dynamic) {
                properties.insert(segment.name);
                fixed = true;
              }
      return fixed;
    };
    std::set<std::string> spaces;
    for (const auto &row : tables.sinks) {
      collect(row.input);
      if (!row.ns.empty())
        spaces.insert(row.ns);
    }
    for (const auto &row : tables.summaries) {
      bool fixed = collect(row.input);
      fixed = collect(row.output) || fixed;
      if (fixed && !row.ns.empty())
        spaces.insert(row.ns);
      if (row.kind == SummaryKind::ValueType)
        valueTypes.push_back(&row);
      if (row.kind == SummaryKind::Handle)
        handles.push_back(&row);
    }
    for (const auto &space : spaces)
      objectSpaces.push_back(splitQualified(space));
  }
};

/// The tables the translation unit being extracted on this thread uses (the built-in ones, or
/// those with a policy's rows); set for the span of extractTranslationUnit.
thread_local const TableIndex *currentTables = nullptr;

const TableIndex &tableIndex() {
  static const TableIndex builtin(builtinTables());
  return currentTables ? *currentTables : builtin;
}

// ---------------------------------------------------------------------------------------------
// Names of declarations as the tables see them.

std::vector<std::string> namespaceChain(const DeclContext *context) {
  std::vector<std::string> chain;
  for (; context; context = context->getParent()) {
    if (const auto *ns = dyn_cast<NamespaceDecl>(context)) {
      if (ns->isInline() || ns->isAnonymousNamespace())
        continue;
      chain.push_back(ns->getName().str());
    }
  }
  return {chain.rbegin(), chain.rend()};
}

bool namespaceMatches(const std::string &rowNs, const std::vector<std::string> &chain) {
  if (rowNs.empty())
    return chain.empty();
  auto parts = splitQualified(rowNs);
  if (parts.size() > chain.size())
    return false;
  for (size_t i = 0; i < parts.size(); ++i)
    if (parts[i] != chain[i])
      return false;
  return true;
}

bool recordMatches(const std::string &ns, const std::string &cls, bool subtypes, const CXXRecordDecl *record) {
  if (!record)
    return false;
  auto check = [&](const CXXRecordDecl *r) {
    return r->getIdentifier() && nameMatches(cls, r->getName().str()) && namespaceMatches(ns, namespaceChain(r->getDeclContext()));
  };
  if (check(record))
    return true;
  if (!subtypes)
    return false;
  const CXXRecordDecl *definition = record->getDefinition();
  if (!definition || definition->isDependentContext())
    return false;
  bool found = false;
  definition->forallBases([&](const CXXRecordDecl *base) {
    if (check(base))
      found = true;
    return true;
  });
  return found;
}

std::string functionName(const FunctionDecl *fn) {
  if (const auto *ctor = dyn_cast<CXXConstructorDecl>(fn))
    return ctor->getParent()->getName().str();
  if (const auto *conversion = dyn_cast<CXXConversionDecl>(fn)) {
    QualType type = conversion->getConversionType().getNonReferenceType();
    if (const auto *record = type->getAsCXXRecordDecl())
      return "operator " + record->getName().str();
    return "operator " + type.getAsString();
  }
  return fn->getNameAsString();
}

/// Who is called: a resolved function, or (recovering) just a name and a written qualifier.
struct Callee {
  std::string name;
  const CXXRecordDecl *record = nullptr; // owner class of a method, constructor or field
  const CXXRecordDecl *objectRecord = nullptr; // class of the object a method is called on
  std::vector<std::string> chain;        // namespaces of a free function
  std::vector<std::string> qualifier;    // written qualifier of an unresolved name
  bool resolved = true;
  bool isMember = false; // unresolved: called on an object
};

template <typename Row> bool rowSubtypes(const Row &row) {
  if constexpr (std::is_same_v<Row, SourceRow>)
    return false;
  else
    return row.subtypes;
}

template <typename Row> bool calleeMatches(const Row &row, const Callee &callee) {
  if (row.method.empty() || !nameMatches(row.method, callee.name))
    return false;
  if (!callee.resolved) {
    // By name: a written qualifier must agree with the row's namespace or class.
    if (callee.isMember && row.cls.empty())
      return false;
    if (!callee.isMember && !row.cls.empty() && row.method != row.cls)
      return false;
    if (!callee.qualifier.empty()) {
      auto rowNs = splitQualified(row.ns);
      if (!row.cls.empty())
        rowNs.push_back(row.cls);
      for (const auto &part : callee.qualifier)
        if (std::find(rowNs.begin(), rowNs.end(), part) == rowNs.end())
          return false;
    }
    return true;
  }
  if (row.cls.empty())
    return !callee.record && namespaceMatches(row.ns, callee.chain);
  return recordMatches(row.ns, row.cls, rowSubtypes(row), callee.record) ||
         (callee.objectRecord && callee.objectRecord != callee.record &&
          recordMatches(row.ns, row.cls, rowSubtypes(row), callee.objectRecord));
}

// ---------------------------------------------------------------------------------------------
// Expressions.

const Expr *strip(const Expr *e) {
  while (e) {
    e = e->IgnoreParens();
    if (const auto *c = dyn_cast<ImplicitCastExpr>(e)) {
      e = c->getSubExpr();
    } else if (const auto *c = dyn_cast<ExplicitCastExpr>(e)) {
      e = c->getSubExpr();
    } else if (const auto *m = dyn_cast<MaterializeTemporaryExpr>(e)) {
      e = m->getSubExpr();
    } else if (const auto *b = dyn_cast<CXXBindTemporaryExpr>(e)) {
      e = b->getSubExpr();
    } else if (const auto *f = dyn_cast<FullExpr>(e)) {
      e = f->getSubExpr();
    } else if (const auto *d = dyn_cast<CXXDefaultArgExpr>(e)) {
      e = d->getExpr();
    } else if (const auto *d = dyn_cast<CXXDefaultInitExpr>(e)) {
      e = d->getExpr();
    } else if (const auto *o = dyn_cast<OpaqueValueExpr>(e)) {
      if (!o->getSourceExpr())
        break;
      e = o->getSourceExpr();
    } else if (const auto *s = dyn_cast<SubstNonTypeTemplateParmExpr>(e)) {
      e = s->getReplacement();
    } else if (const auto *u = dyn_cast<UnaryOperator>(e); u && (u->getOpcode() == UO_Deref || u->getOpcode() == UO_AddrOf)) {
      e = u->getSubExpr();
    } else {
      break;
    }
  }
  return e;
}

/// The record a type designates, through references, pointers, arrays and smart pointers.
const CXXRecordDecl *objectRecord(QualType type) {
  for (int depth = 0; depth < 8 && !type.isNull(); ++depth) {
    type = type.getNonReferenceType();
    if (type->isPointerType()) {
      type = type->getPointeeType();
      continue;
    }
    const CXXRecordDecl *record = type->getAsCXXRecordDecl();
    if (!record)
      return nullptr;
    if (const auto *spec = dyn_cast<ClassTemplateSpecializationDecl>(record)) {
      auto chain = namespaceChain(spec->getDeclContext());
      if (chain == std::vector<std::string>{"std"} &&
          (spec->getName() == "shared_ptr" || spec->getName() == "unique_ptr") && spec->getTemplateArgs().size() > 0 &&
          spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type) {
        type = spec->getTemplateArgs()[0].getAsType();
        continue;
      }
    }
    return record;
  }
  return nullptr;
}

bool isValueTypeRecord(const CXXRecordDecl *record) {
  for (const SummaryRow *row : tableIndex().valueTypes)
    if (recordMatches(row->ns, row->cls, row->subtypes, record))
      return true;
  return false;
}

bool isJsonRecord(const CXXRecordDecl *record) {
  return record && record->getName() == "basic_json" && namespaceMatches("nlohmann", namespaceChain(record->getDeclContext()));
}

/// True for a type whose objects carry properties (SDK clients, requests, handles).
bool isObjectType(QualType type) {
  if (type.isNull())
    return false;
  // Handles named by typedef (CURL *).
  QualType walk = type.getNonReferenceType();
  if (walk->isPointerType())
    walk = walk->getPointeeType();
  for (int depth = 0; depth < 8 && !walk.isNull(); ++depth) {
    const auto *typedefType = walk->getAs<TypedefType>();
    if (!typedefType)
      break;
    for (const SummaryRow *row : tableIndex().handles)
      if (typedefType->getDecl()->getName() == row->cls)
        return true;
    walk = typedefType->desugar();
  }
  const CXXRecordDecl *record = objectRecord(type);
  if (!record || isValueTypeRecord(record))
    return false;
  auto chain = namespaceChain(record->getDeclContext());
  for (const auto &space : tableIndex().objectSpaces) {
    if (space.size() > chain.size())
      continue;
    if (std::equal(space.begin(), space.end(), chain.begin()))
      return true;
  }
  return false;
}

/// True for a type holding a string we follow (char pointers and arrays, string classes, JSON).
bool isStringType(QualType type) {
  if (type.isNull())
    return false;
  type = type.getNonReferenceType();
  if (type->isDependentType() || type->isUndeducedType())
    return true;
  if (const auto *array = type->getAsArrayTypeUnsafe())
    return array->getElementType()->isAnyCharacterType();
  if (type->isPointerType())
    return type->getPointeeType()->isAnyCharacterType();
  const CXXRecordDecl *record = type->getAsCXXRecordDecl();
  return record && isValueTypeRecord(record);
}

bool isTracked(QualType type) { return isStringType(type) || isObjectType(type); }

// ---------------------------------------------------------------------------------------------
// One translation unit.

using State = std::map<const VarDecl *, ValuePtr>;

struct ObjectRef {
  std::string key;                          // property symbols are key + "." + Property
  std::map<std::string, ValuePtr> props;    // a temporary's known properties (key empty)
  bool valid() const { return !key.empty() || !props.empty(); }
};

/// A place a value is stored into.
struct Target {
  enum class Kind { None, Local, Symbol, Member } kind = Kind::None;
  const VarDecl *var = nullptr; // Local; Member of a local JSON value
  std::string symbol;           // Symbol; Member of a JSON symbol
  std::string member;           // Member: the key set in a JSON value
  std::string name;             // for phrases
};

class TU;

/// A call, constructor, operator or (recovering) unresolved call, normalised.
struct CallSite {
  const Expr *expr = nullptr;
  const FunctionDecl *fn = nullptr; // resolved callee (null when recovered)
  Callee callee;
  const Expr *object = nullptr;     // Argument[-1]
  const ObjectRef *constructed = nullptr; // a constructor's object when it is a variable or field
  std::string constructedName;
  std::vector<const Expr *> args;
  std::vector<const ParmVarDecl *> params;
  bool valid = false;
};

class Walker;

class TU {
public:
  TU(ASTContext &context, const ExtractOptions &options, Facts &out, std::map<std::string, std::string> &names)
      : context(context), sm(context.getSourceManager()), options(options), out(out), names(names) {}

  ASTContext &context;
  SourceManager &sm;
  const ExtractOptions &options;
  Facts &out;
  std::map<std::string, std::string> &names;
  std::map<std::string, std::vector<ValuePtr>> assigned; // symbol → values emitted here
  std::vector<std::pair<size_t, ValuePtr>> pendingSigv4;  // (access index, CURLOPT_AWS_SIGV4 value)
  std::map<unsigned, size_t> accessOffsets;               // main-file offsets of calls with an access → its index
  std::set<unsigned> resolvedCallOffsets;                 // main-file offsets of calls Clang resolved
  std::multimap<std::string, const VarDecl *> varsByName; // for the recovery scan
  std::vector<std::tuple<unsigned, unsigned, const FunctionDecl *>> bodies; // main-file function bodies

  /// What the walk has emitted so far; restore() drops everything after it (a dry run).
  struct Snapshot {
    size_t assigns, accesses, diagnostics, pending;
    std::map<std::string, std::vector<ValuePtr>> assigned;
    std::map<unsigned, size_t> offsets;
  };
  Snapshot snapshot() const {
    return Snapshot{out.assigns.size(), out.accesses.size(), out.diagnostics.size(), pendingSigv4.size(), assigned,
                    accessOffsets};
  }
  void restore(Snapshot &&snap) {
    out.assigns.resize(snap.assigns);
    out.accesses.resize(snap.accesses);
    out.diagnostics.resize(snap.diagnostics);
    pendingSigv4.resize(snap.pending);
    assigned = std::move(snap.assigned);
    accessOffsets = std::move(snap.offsets);
  }

  /// True for a function that reads the environment variable one of its parameters names
  /// (std::getenv(name) in a helper): calls to it are evaluated with their arguments.
  bool readsEnvByParameter(const FunctionDecl *fn);

  void emit(std::string symbol, ValuePtr value, SourceRange range, std::string phrase) {
    if (!value || symbol.empty())
      return;
    assigned[symbol].push_back(value);
    Assign assign;
    assign.symbol = std::move(symbol);
    assign.value = std::move(value);
    assign.range = std::move(range);
    assign.phrase = std::move(phrase);
    out.assigns.push_back(std::move(assign));
  }

  std::string usr(const Decl *decl) {
    auto it = usrs_.find(decl);
    if (it != usrs_.end())
      return it->second;
    llvm::SmallString<128> buffer;
    std::string result;
    if (!index::generateUSRForDecl(decl, buffer))
      result = buffer.str().str();
    else
      result = "c:@" + std::to_string(reinterpret_cast<uintptr_t>(decl)); // never reached for named decls
    usrs_.emplace(decl, result);
    return result;
  }

  const FunctionDecl *functionKey(const FunctionDecl *fn) {
    if (const FunctionDecl *pattern = fn->getTemplateInstantiationPattern())
      fn = pattern;
    return fn->getCanonicalDecl();
  }
  std::string paramSymbol(const FunctionDecl *fn, unsigned index) {
    return parameterSymbol(fn, index, "#param", "parameter ");
  }
  /// What a function writes through its reference parameter `index` (an out-parameter).
  std::string outSymbol(const FunctionDecl *fn, unsigned index) {
    return parameterSymbol(fn, index, "#out", "out-parameter ");
  }
  std::string parameterSymbol(const FunctionDecl *fn, unsigned index, std::string_view suffix,
                              std::string_view label) {
    std::string symbol = "cxx:" + usr(functionKey(fn)) + std::string(suffix) + std::to_string(index);
    if (!names.count(symbol)) {
      std::string param = index < fn->getNumParams() ? fn->getParamDecl(index)->getName().str() : std::string();
      names[symbol] = std::string(label) + (param.empty() ? std::to_string(index + 1) : param) + " of " + functionLabel(fn);
    }
    return symbol;
  }
  std::string returnSymbol(const FunctionDecl *fn) {
    std::string symbol = "cxx:" + usr(functionKey(fn)) + "#return";
    if (!names.count(symbol))
      names[symbol] = functionLabel(fn);
    return symbol;
  }
  std::string varSymbol(const VarDecl *var) {
    if (const auto *param = dyn_cast<ParmVarDecl>(var))
      if (const auto *fn = dyn_cast_or_null<FunctionDecl>(param->getDeclContext()))
        return paramSymbol(fn, param->getFunctionScopeIndex());
    if (const VarDecl *pattern = var->getTemplateInstantiationPattern())
      var = pattern;
    std::string symbol = "cxx:" + usr(var->getCanonicalDecl());
    if (!names.count(symbol))
      names[symbol] = var->getQualifiedNameAsString();
    return symbol;
  }
  /// The main-file variable named `name` declared last before `offset`: one Clang declared but
  /// left out of the expressions that use it (its type needed a missing header).
  const VarDecl *declaredBefore(const std::string &name, unsigned offset) const {
    const VarDecl *best = nullptr;
    unsigned bestOffset = 0;
    auto range = varsByName.equal_range(name);
    for (auto it = range.first; it != range.second; ++it) {
      SourceLocation location = sm.getFileLoc(it->second->getLocation());
      if (sm.getFileID(location) != sm.getMainFileID())
        continue;
      unsigned at = sm.getFileOffset(location);
      if (at < offset && (!best || at > bestOffset)) {
        best = it->second;
        bestOffset = at;
      }
    }
    return best;
  }
  /// A name Clang could not resolve (missing headers), per enclosing declaration.
  std::string unresolvedSymbol(const Decl *owner, const std::string &name) {
    std::string symbol = "cxx:" + (owner ? usr(owner) : std::string("c:")) + "#unresolved:" + name;
    if (!names.count(symbol))
      names[symbol] = name;
    return symbol;
  }
  std::string fieldSymbol(const FieldDecl *field) {
    std::string symbol = "cxx:" + usr(field);
    if (!names.count(symbol))
      names[symbol] = "field " + field->getQualifiedNameAsString();
    return symbol;
  }
  static std::string functionLabel(const FunctionDecl *fn) {
    if (const auto *method = dyn_cast<CXXMethodDecl>(fn); method && method->getParent()->isLambda())
      return "a lambda";
    return fn->getQualifiedNameAsString();
  }

  // Locations.
  SourceLoc loc(SourceLocation location) {
    SourceLoc result;
    if (location.isInvalid())
      return result;
    location = sm.getFileLoc(location);
    FileID file = sm.getFileID(location);
    auto entry = sm.getFileEntryRefForID(file);
    if (!entry)
      return result;
    result.file = displayPath(file, *entry);
    unsigned offset = sm.getFileOffset(location);
    result.line = sm.getLineNumber(file, offset);
    result.column = sm.getColumnNumber(file, offset);
    result.offset = offset;
    return result;
  }
  cloudpact::SourceRange range(clang::SourceRange r) {
    cloudpact::SourceRange result;
    result.begin = loc(r.getBegin());
    if (r.getEnd().isValid()) {
      SourceLocation end = sm.getFileLoc(r.getEnd());
      end = Lexer::getLocForEndOfToken(end, 0, sm, context.getLangOpts());
      SourceLoc endLoc = loc(end);
      if (endLoc.file == result.begin.file && endLoc.offset >= result.begin.offset)
        result.end = endLoc;
    }
    return result;
  }
  cloudpact::SourceRange range(const Stmt *s) { return s ? range(s->getSourceRange()) : cloudpact::SourceRange{}; }
  /// The primary location of a call: a method's name (client.Converse), else the whole callee
  /// (cpr::Post, curl_easy_perform), to the end of the call.
  cloudpact::SourceRange callRange(const Expr *call) {
    SourceLocation begin = call->getBeginLoc();
    if (isa<CXXMemberCallExpr>(call) && call->getExprLoc().isValid())
      begin = call->getExprLoc();
    if (const auto *plain = dyn_cast<CallExpr>(call); plain && !isa<CXXOperatorCallExpr>(call)) {
      const Expr *callee = plain->getCallee() ? plain->getCallee()->IgnoreParenImpCasts() : nullptr;
      if (const auto *dependent = dyn_cast_or_null<CXXDependentScopeMemberExpr>(callee))
        begin = dependent->getMemberLoc(); // its getExprLoc() is the object's
      else if (callee && (isa<MemberExpr>(callee) || isa<UnresolvedMemberExpr>(callee)))
        begin = callee->getExprLoc();
    }
    return range(clang::SourceRange(begin, call->getEndLoc()));
  }

  bool inMainFile(const Expr *e) const { return sm.isInMainFile(sm.getFileLoc(e->getExprLoc())); }

  bool inSystemHeader(SourceLocation location) { return location.isValid() && sm.isInSystemHeader(sm.getFileLoc(location)); }

  /// True when the declaration belongs to a library the tables describe (its internals are not
  /// analysed: its API is modelled by rows).
  bool inModelledLibrary(const Decl *decl) {
    auto chain = namespaceChain(decl->getDeclContext());
    if (chain.empty())
      return false;
    for (const auto &space : tableIndex().objectSpaces)
      if (!space.empty() && space.front() == chain.front() && chain.front() != "std")
        return true;
    return chain.front() == "nlohmann" || chain.front() == "fmt" || chain.front() == "std" || chain.front() == "__gnu_cxx";
  }

  std::string subjectOf(const Decl *decl) {
    if (!decl)
      return {};
    if (const auto *named = dyn_cast<NamedDecl>(decl)) {
      std::string name = named->getQualifiedNameAsString();
      if (const auto *method = dyn_cast<CXXMethodDecl>(decl); method && method->getParent()->isLambda())
        return "lambda";
      return name;
    }
    return {};
  }

private:
  std::string displayPath(FileID file, FileEntryRef entry) {
    auto it = display_.find(file);
    if (it != display_.end())
      return it->second;
    llvm::SmallString<256> path(entry.getName());
    llvm::sys::fs::make_absolute(path);
    llvm::sys::path::remove_dots(path, /*remove_dot_dot=*/true);
    std::string shown = options.displayPath ? options.displayPath(path.str().str()) : path.str().str();
    display_.emplace(file, shown);
    return shown;
  }

  std::map<const Decl *, std::string> usrs_;
  std::map<FileID, std::string> display_;
  std::map<const FunctionDecl *, bool> envHelpers_;
};

// ---------------------------------------------------------------------------------------------
// The walk over one function (or one global initializer).

class Walker {
public:
  Walker(TU &tu, const Decl *owner) : tu_(tu), owner_(owner), fn_(dyn_cast_or_null<FunctionDecl>(owner)) {}

  // -- entry points -----------------------------------------------------------------------

  void walkFunction(const FunctionDecl *fn) {
    for (unsigned i = 0; i < fn->getNumParams(); ++i) {
      const ParmVarDecl *param = fn->getParamDecl(i);
      state_[param] = makeRef(tu_.paramSymbol(fn, i));
      recordName(param);
    }
    if (const auto *ctor = dyn_cast<CXXConstructorDecl>(fn))
      for (const CXXCtorInitializer *init : ctor->inits())
        if (init->isWritten() && init->getMember() && init->getInit())
          initField(init->getMember(), init->getInit(), tu_.range(init->getSourceRange()));
    linkOverrides(fn);
    walkStmt(fn->getBody());
    if (!dead_ && fn->getBody())
      exitOutParameters(tu_.range(clang::SourceRange(fn->getBody()->getEndLoc(), fn->getBody()->getEndLoc())));
  }

  /// Leaving the function (a return, or its end): what each out-parameter holds then is what
  /// the caller's argument holds after the call.
  void exitOutParameters(const cloudpact::SourceRange &where) {
    if (!fn_ || returns_ || isLambda())
      return;
    for (unsigned i = 0; i < fn_->getNumParams(); ++i) {
      const ParmVarDecl *param = fn_->getParamDecl(i);
      if (!isOutParameter(param))
        continue;
      ValuePtr value = current(param);
      if (!value || (value->kind == ValueKind::Ref && value->text == tu_.paramSymbol(fn_, i)))
        continue; // not written on this path
      tu_.emit(tu_.outSymbol(fn_, i), value, where, "out-parameter " + param->getName().str() + " on return");
    }
  }

  void walkGlobal(const VarDecl *var) {
    recordName(var);
    if (const Expr *init = var->getInit())
      initVariable(var, init);
  }

  void walkFieldDefault(const FieldDecl *field) {
    if (const Expr *init = field->getInClassInitializer())
      initField(field, init, tu_.range(clang::SourceRange(field->getLocation(), init->getEndLoc())));
  }

  // -- statements ---------------------------------------------------------------------------

  void walkStmt(const Stmt *s) {
    if (!s)
      return;
    if (const auto *e = dyn_cast<Expr>(s)) {
      walkExpr(e);
      return;
    }
    switch (s->getStmtClass()) {
    case Stmt::DeclStmtClass:
      for (const Decl *decl : cast<DeclStmt>(s)->decls())
        if (const auto *var = dyn_cast<VarDecl>(decl))
          walkLocal(var);
      return;
    case Stmt::IfStmtClass: {
      const auto *is = cast<IfStmt>(s);
      walkStmt(is->getInit());
      if (const VarDecl *var = is->getConditionVariable())
        walkLocal(var);
      else
        walkExpr(is->getCond());
      State before = state_;
      bool deadBefore = dead_;
      walkStmt(is->getThen());
      State afterThen = std::move(state_);
      bool deadThen = dead_;
      state_ = std::move(before);
      dead_ = deadBefore;
      walkStmt(is->getElse());
      // A branch that returns (or breaks) does not reach the join.
      if (deadThen && !dead_)
        return;
      if (dead_ && !deadThen) {
        state_ = std::move(afterThen);
        dead_ = false;
        return;
      }
      join(afterThen);
      return;
    }
    case Stmt::ForStmtClass: {
      const auto *fs = cast<ForStmt>(s);
      walkStmt(fs->getInit());
      walkLoop(s, {fs->getCond(), fs->getBody(), fs->getInc()});
      return;
    }
    case Stmt::WhileStmtClass: {
      const auto *ws = cast<WhileStmt>(s);
      walkLoop(s, {ws->getCond(), ws->getBody()});
      return;
    }
    case Stmt::DoStmtClass: {
      const auto *ds = cast<DoStmt>(s);
      walkLoop(s, {ds->getBody(), ds->getCond()});
      return;
    }
    case Stmt::CXXForRangeStmtClass: {
      const auto *rs = cast<CXXForRangeStmt>(s);
      walkStmt(rs->getInit());
      walkExpr(rs->getRangeInit());
      if (const VarDecl *var = rs->getLoopVariable()) {
        recordName(var);
        state_[var] = makeUnknown("element of a range", tu_.range(var->getSourceRange()));
      }
      walkLoop(s, {rs->getBody()});
      return;
    }
    case Stmt::SwitchStmtClass: {
      const auto *ss = cast<SwitchStmt>(s);
      walkStmt(ss->getInit());
      if (const VarDecl *var = ss->getConditionVariable())
        walkLocal(var);
      else
        walkExpr(ss->getCond());
      Breakable context;
      context.isSwitch = true;
      context.entry = state_;
      breakables_.push_back(&context);
      bool hasDefault = false;
      for (const SwitchCase *c = ss->getSwitchCaseList(); c; c = c->getNextSwitchCase())
        hasDefault = hasDefault || isa<DefaultStmt>(c);
      dead_ = true; // control enters at a case label
      walkStmt(ss->getBody());
      breakables_.pop_back();
      // Leaving the switch: every break, the fall-out of the last case, no case matching.
      std::vector<State> exits = std::move(context.exits);
      if (!dead_)
        exits.push_back(state_);
      if (!hasDefault)
        exits.push_back(context.entry);
      if (exits.empty()) {
        dead_ = true;
        return;
      }
      state_ = std::move(exits.front());
      for (size_t i = 1; i < exits.size(); ++i)
        join(exits[i]);
      dead_ = false;
      return;
    }
    case Stmt::CaseStmtClass:
    case Stmt::DefaultStmtClass: {
      const Breakable *context = nullptr;
      for (auto it = breakables_.rbegin(); it != breakables_.rend() && !context; ++it)
        if ((*it)->isSwitch)
          context = *it;
      if (context) {
        if (dead_)
          state_ = context->entry;
        else
          join(context->entry);
        dead_ = false;
      }
      walkStmt(cast<SwitchCase>(s)->getSubStmt());
      return;
    }
    case Stmt::BreakStmtClass: {
      if (!breakables_.empty() && breakables_.back()->isSwitch && !dead_)
        breakables_.back()->exits.push_back(state_);
      dead_ = true;
      return;
    }
    case Stmt::ContinueStmtClass:
      dead_ = true;
      return;
    case Stmt::ReturnStmtClass: {
      const Expr *value = cast<ReturnStmt>(s)->getRetValue();
      if (value) {
        walkExpr(value);
        if (fn_ && !isLambda())
          storeReturn(value, s);
      }
      if (!dead_)
        exitOutParameters(tu_.range(s->getSourceRange()));
      dead_ = true;
      return;
    }
    default:
      for (const Stmt *child : s->children())
        walkStmt(child);
    }
  }

  // -- expressions --------------------------------------------------------------------------

  void walkExpr(const Expr *e, const ObjectRef *constructed = nullptr, const std::string &constructedName = {}) {
    if (!e)
      return;
    if (const auto *lambda = dyn_cast<LambdaExpr>(e)) {
      State saved = state_;
      bool savedDead = dead_;
      auto savedBreakables = std::move(breakables_);
      breakables_.clear();
      dead_ = false;
      const CXXMethodDecl *call = lambda->getCallOperator();
      for (unsigned i = 0; call && i < call->getNumParams(); ++i)
        state_[call->getParamDecl(i)] = makeRef(tu_.paramSymbol(call, i));
      const FunctionDecl *savedFn = fn_;
      fn_ = call;
      walkStmt(lambda->getBody());
      fn_ = savedFn;
      state_ = std::move(saved);
      dead_ = savedDead;
      breakables_ = std::move(savedBreakables);
      return;
    }
    if (const auto *conditional = dyn_cast<AbstractConditionalOperator>(e)) {
      walkExpr(conditional->getCond());
      State before = state_;
      walkExpr(conditional->getTrueExpr());
      State afterTrue = std::move(state_);
      state_ = std::move(before);
      walkExpr(conditional->getFalseExpr());
      join(afterTrue);
      return;
    }
    if (const auto *binary = dyn_cast<BinaryOperator>(e); binary && binary->isLogicalOp()) {
      walkExpr(binary->getLHS());
      State before = state_;
      walkExpr(binary->getRHS());
      join(before);
      return;
    }
    if (isa<CXXConstructExpr>(e) && constructed) {
      for (const Expr *arg : cast<CXXConstructExpr>(e)->arguments())
        walkExpr(arg);
    } else {
      for (const Stmt *child : e->children())
        if (const auto *sub = dyn_cast_or_null<Expr>(child))
          walkExpr(sub);
    }
    if (isa<CallExpr>(e) || isa<CXXConstructExpr>(e) || isa<CXXUnresolvedConstructExpr>(e)) {
      handleCall(e, constructed, constructedName);
    } else if (const auto *binary = dyn_cast<BinaryOperator>(e); binary && binary->getOpcode() == BO_Assign) {
      handleBuiltinAssign(binary);
    } else if (const auto *init = dyn_cast<InitListExpr>(e)) {
      handleAggregate(init);
    }
  }

private:
  bool isLambda() const {
    const auto *method = dyn_cast_or_null<CXXMethodDecl>(fn_);
    return method && method->getParent()->isLambda();
  }

  void recordName(const VarDecl *var) {
    if (var->getIdentifier())
      tu_.varsByName.emplace(var->getName().str(), var);
  }

  // -- state --------------------------------------------------------------------------------

  void join(const State &other) {
    for (auto it = state_.begin(); it != state_.end();) {
      auto found = other.find(it->first);
      if (found == other.end()) {
        // Declared in only one path: out of scope after the join... unless declared before.
        ++it;
        continue;
      }
      if (found->second != it->second)
        it->second = makeChoice({found->second, it->second});
      ++it;
    }
  }

  void walkLoop(const Stmt *loop, std::initializer_list<const Stmt *> parts) {
    Breakable context; // a break leaves the loop: the loop's exit state covers it
    breakables_.push_back(&context);
    walkLoopParts(loop, parts);
    breakables_.pop_back();
    dead_ = false;
  }

  void walkLoopParts(const Stmt *loop, std::initializer_list<const Stmt *> parts) {
    // First pass: which tracked locals does the loop change? Its facts are discarded.
    bool deadBefore = dead_;
    State entry = state_;
    TU::Snapshot snapshot = tu_.snapshot();
    for (const Stmt *part : parts)
      walkStmt(part);
    std::vector<const VarDecl *> changed;
    for (const auto &[var, value] : state_) {
      auto found = entry.find(var);
      if (found != entry.end() && found->second != value)
        changed.push_back(var);
    }
    tu_.restore(std::move(snapshot));
    state_ = std::move(entry);
    dead_ = deadBefore;
    // Second pass: the changed locals read a loop-head symbol joining entry and back edge.
    auto loopRange = tu_.range(loop->getBeginLoc());
    std::map<const VarDecl *, std::string> heads;
    for (const VarDecl *var : changed) {
      std::string head = tu_.varSymbol(var) + "@loop" + std::to_string(loopRange.begin.offset);
      tu_.emit(head, state_[var], loopRange, "value before the loop");
      state_[var] = makeRef(head);
      heads[var] = head;
    }
    for (const Stmt *part : parts) {
      walkStmt(part);
      dead_ = false; // continue and break end an iteration, not the walk
    }
    for (const auto &[var, head] : heads) {
      tu_.emit(head, state_[var], loopRange, "value after an iteration");
      state_[var] = makeRef(head);
    }
  }

  ValuePtr current(const VarDecl *var) {
    auto it = state_.find(var);
    if (it != state_.end())
      return it->second;
    return makeRef(tu_.varSymbol(var));
  }

  /// A string parameter the function can write for its caller: a non-const lvalue reference.
  static bool isOutParameter(const ParmVarDecl *param) {
    QualType type = param->getType();
    return type->isLValueReferenceType() && !type.getNonReferenceType().isConstQualified() &&
           isStringType(type);
  }

  bool isTrackedLocal(const VarDecl *var) const {
    return var->isLocalVarDeclOrParm() && !var->isStaticLocal() && fn_ != nullptr;
  }

  // -- declarations -------------------------------------------------------------------------

  void walkLocal(const VarDecl *var) {
    recordName(var);
    if (var->isStaticLocal()) {
      if (const Expr *init = var->getInit())
        initVariable(var, init);
      return;
    }
    if (const Expr *init = var->getInit()) {
      initVariable(var, init);
      return;
    }
    std::string symbol = tu_.varSymbol(var);
    state_[var] = makeRef(symbol);
    QualType type = var->getType();
    if (!type->isPointerType() && isStringType(type) && !type->isDependentType()) {
      const CXXRecordDecl *record = type->getAsCXXRecordDecl();
      ValuePtr empty = isJsonRecord(record) ? makeMap({}, tu_.range(var->getLocation())) : makeLiteral("", tu_.range(var->getLocation()));
      tu_.emit(symbol, empty, tu_.range(var->getSourceRange()), "value of " + var->getName().str());
    }
  }

  void initVariable(const VarDecl *var, const Expr *init) {
    std::string symbol = tu_.varSymbol(var);
    std::string name = var->getName().str();
    auto where = tu_.range(clang::SourceRange(var->getLocation(), init->getEndLoc()));
    if (isObjectType(var->getType())) {
      ObjectRef self;
      self.key = symbol;
      const Expr *inner = strip(init);
      if (const auto *construct = dyn_cast<CXXConstructExpr>(inner); construct && !isCopy(construct)) {
        walkExpr(inner, &self, name);
      } else {
        walkExpr(init);
        copyObject(symbol, objectOf(init), where, "value of " + name);
      }
      if (isTrackedLocal(var))
        state_[var] = makeRef(symbol);
      return;
    }
    walkExpr(init);
    if (returns_ && isTrackedLocal(var)) {
      // Inlining: locals hold their values, the call site's arguments flow through them.
      state_[var] = isStringType(var->getType()) ? jsonify(valueOf(init)) : makeUnknown("not a string");
      return;
    }
    if (isTrackedLocal(var))
      state_[var] = makeRef(symbol);
    if (!isStringType(var->getType()))
      return;
    tu_.emit(symbol, jsonify(valueOf(init)), where, "value of " + name);
  }

  void initField(const FieldDecl *field, const Expr *init, cloudpact::SourceRange where) {
    std::string symbol = tu_.fieldSymbol(field);
    std::string phrase = "assigned to field " + field->getName().str();
    if (isObjectType(field->getType())) {
      ObjectRef self;
      self.key = symbol;
      const Expr *inner = strip(init);
      if (const auto *construct = dyn_cast<CXXConstructExpr>(inner); construct && !isCopy(construct)) {
        walkExpr(inner, &self, field->getName().str());
      } else {
        walkExpr(init);
        copyObject(symbol, objectOf(init), where, phrase);
      }
      return;
    }
    walkExpr(init);
    if (isStringType(field->getType()))
      tu_.emit(symbol, jsonify(valueOf(init)), where, phrase);
  }

  static bool isCopy(const CXXConstructExpr *construct) {
    const CXXConstructorDecl *ctor = construct->getConstructor();
    return ctor && (ctor->isCopyOrMoveConstructor() || ctor->isConvertingConstructor(false)) && construct->getNumArgs() == 1 &&
           objectRecord(construct->getArg(0)->getType()) == ctor->getParent();
  }

  void linkOverrides(const FunctionDecl *fn) {
    const auto *method = dyn_cast<CXXMethodDecl>(fn);
    if (!method || !method->isVirtual())
      return;
    for (const CXXMethodDecl *base : method->overridden_methods()) {
      auto where = tu_.range(method->getLocation());
      for (unsigned i = 0; i < method->getNumParams() && i < base->getNumParams(); ++i)
        if (isTracked(method->getParamDecl(i)->getType()))
          tu_.emit(tu_.paramSymbol(method, i), makeRef(tu_.paramSymbol(base, i)), where,
                   "passed to override " + method->getQualifiedNameAsString());
      if (isStringType(method->getReturnType()))
        tu_.emit(tu_.returnSymbol(base), makeRef(tu_.returnSymbol(method)), where,
                 "returned by override " + method->getQualifiedNameAsString());
    }
  }

  void storeReturn(const Expr *value, const Stmt *ret) {
    if (returns_) {
      returns_->push_back(jsonify(valueOf(value)));
      return;
    }
    QualType type = fn_->getReturnType();
    std::string symbol = tu_.returnSymbol(fn_);
    std::string phrase = "returned by " + fn_->getNameAsString();
    if (isObjectType(type)) {
      copyObject(symbol, objectOf(value), tu_.range(ret), phrase);
      return;
    }
    if (isStringType(type) || type->isUndeducedType() || (type->isDependentType()))
      tu_.emit(symbol, jsonify(valueOf(value)), tu_.range(ret), phrase);
  }

  // -- stores -------------------------------------------------------------------------------

  Target targetOf(const Expr *e) {
    Target target;
    e = strip(e);
    if (!e)
      return target;
    if (const auto *ref = dyn_cast<DeclRefExpr>(e)) {
      if (const auto *var = dyn_cast<VarDecl>(ref->getDecl())) {
        target.name = var->getName().str();
        if (isTrackedLocal(var)) {
          target.kind = Target::Kind::Local;
          target.var = var;
        } else {
          target.kind = Target::Kind::Symbol;
          target.symbol = tu_.varSymbol(var);
        }
      }
      return target;
    }
    if (const auto *member = dyn_cast<MemberExpr>(e)) {
      if (const auto *field = dyn_cast<FieldDecl>(member->getMemberDecl())) {
        target.name = field->getName().str();
        target.kind = Target::Kind::Symbol;
        ObjectRef owner;
        if (isObjectType(member->getBase()->getType()))
          owner = objectOf(member->getBase());
        target.symbol = !owner.key.empty() ? owner.key + "." + field->getName().str() : tu_.fieldSymbol(field);
      } else if (const auto *var = dyn_cast<VarDecl>(member->getMemberDecl())) {
        target.kind = Target::Kind::Symbol;
        target.symbol = tu_.varSymbol(var);
        target.name = var->getName().str();
      }
      return target;
    }
    if (isa<CallExpr>(e)) {
      CallSite call = callSite(e);
      if (!call.valid)
        return target;
      for (const SummaryRow *row : summaryRows(call))
        if (row->kind == SummaryKind::Alias && returnsWhole(row->output)) {
          const AccessPath *path = singlePath(row->input);
          if (!path || path->root != AccessPath::Root::Argument || path->select != AccessPath::Select::Index)
            continue;
          const Expr *base = argument(call, path->index);
          if (!base)
            continue;
          Target inner = targetOf(base);
          if (path->segments.empty())
            return inner;
          std::optional<std::string> key = segmentName(call, path->segments.front());
          if (!key || path->segments.size() != 1)
            continue;
          if (inner.kind == Target::Kind::Local || inner.kind == Target::Kind::Symbol) {
            if (isObjectType(base->getType())) {
              ObjectRef owner = objectOf(base);
              if (owner.key.empty())
                continue;
              Target prop;
              prop.kind = Target::Kind::Symbol;
              prop.symbol = owner.key + "." + *key;
              prop.name = inner.name + "." + *key;
              return prop;
            }
            // A member of a JSON value: a local's next version, or a symbol's map.
            inner.member = *key;
            inner.name += "[\"" + *key + "\"]";
            inner.kind = Target::Kind::Member;
            return inner;
          }
        }
    }
    return target;
  }

  void store(const Target &target, ValuePtr value, cloudpact::SourceRange where, const std::string &phrase) {
    if (!value)
      return;
    switch (target.kind) {
    case Target::Kind::None: return;
    case Target::Kind::Symbol: tu_.emit(target.symbol, jsonify(value), where, phrase); return;
    case Target::Kind::Local: {
      if (returns_) {
        state_[target.var] = jsonify(value);
        return;
      }
      std::string symbol = versionSymbol(target.var, where);
      tu_.emit(symbol, jsonify(value), where, phrase);
      state_[target.var] = makeRef(symbol);
      return;
    }
    case Target::Kind::Member: {
      if (target.var) {
        ValuePtr base = resolveLocal(current(target.var));
        std::vector<std::pair<std::string, ValuePtr>> fields;
        if (base && base->kind == ValueKind::Map)
          for (const auto &field : base->fields)
            if (field.first != target.member)
              fields.push_back(field);
        fields.emplace_back(target.member, value);
        std::string symbol = versionSymbol(target.var, where);
        tu_.emit(symbol, makeMap(std::move(fields), where), where, phrase);
        state_[target.var] = makeRef(symbol);
      } else {
        tu_.emit(target.symbol, makeMap({{target.member, value}}, where), where, phrase);
      }
      return;
    }
    }
  }

  /// A new version of a local: named by where it is written, unique in the TU.
  std::string versionSymbol(const VarDecl *var, const cloudpact::SourceRange &where) {
    std::string symbol = tu_.varSymbol(var) + "@" + std::to_string(where.begin.offset);
    if (where.end.valid())
      symbol += "-" + std::to_string(where.end.offset);
    while (tu_.assigned.count(symbol))
      symbol += "'";
    return symbol;
  }

  /// Properties of `source` become properties of the object symbol `key`.
  void copyObject(const std::string &key, const ObjectRef &source, cloudpact::SourceRange where, const std::string &phrase) {
    if (key.empty() || !source.valid() || source.key == key)
      return;
    if (!source.key.empty()) {
      for (const auto &property : tableIndex().properties)
        tu_.emit(key + "." + property, makeRef(source.key + "." + property), where, phrase);
      return;
    }
    for (const auto &[property, value] : source.props)
      tu_.emit(key + "." + property, value, where, phrase);
  }

  void handleBuiltinAssign(const BinaryOperator *assign) {
    const Expr *lhs = assign->getLHS();
    auto where = tu_.range(assign);
    Target target = targetOf(lhs);
    if (target.kind == Target::Kind::None)
      return;
    if (isObjectType(lhs->getType())) {
      std::string key = target.kind == Target::Kind::Local ? tu_.varSymbol(target.var) : target.symbol;
      copyObject(key, objectOf(assign->getRHS()), where, "assigned to " + target.name);
      return;
    }
    if (!isStringType(lhs->getType()))
      return;
    store(target, valueOf(assign->getRHS()), where, "assigned to " + target.name);
  }

  void handleAggregate(const InitListExpr *init) {
    if (init->isSyntacticForm() && init->getSemanticForm())
      return; // the semantic form is walked too
    const CXXRecordDecl *record = init->getType()->getAsCXXRecordDecl();
    if (!record || isObjectType(init->getType()) || isValueTypeRecord(record) || !record->isAggregate())
      return;
    unsigned index = 0;
    for (const FieldDecl *field : record->fields()) {
      if (index >= init->getNumInits())
        break;
      const Expr *value = init->getInit(index++);
      if (!value || isa<ImplicitValueInitExpr>(value))
        continue;
      auto where = tu_.range(value);
      std::string phrase = "assigned to field " + field->getName().str();
      if (isObjectType(field->getType()))
        copyObject(tu_.fieldSymbol(field), objectOf(value), where, phrase);
      else if (isStringType(field->getType()))
        tu_.emit(tu_.fieldSymbol(field), jsonify(valueOf(value)), where, phrase);
    }
  }

  // -- calls --------------------------------------------------------------------------------

  CallSite callSite(const Expr *e) {
    CallSite call;
    call.expr = e;
    if (const auto *construct = dyn_cast<CXXConstructExpr>(e)) {
      call.fn = construct->getConstructor();
      for (const Expr *arg : construct->arguments())
        call.args.push_back(arg);
    } else if (const auto *member = dyn_cast<CXXMemberCallExpr>(e)) {
      call.fn = member->getMethodDecl();
      call.object = member->getImplicitObjectArgument();
      for (const Expr *arg : member->arguments())
        call.args.push_back(arg);
    } else if (const auto *op = dyn_cast<CXXOperatorCallExpr>(e)) {
      call.fn = op->getDirectCallee();
      unsigned first = 0;
      if (call.fn && isa<CXXMethodDecl>(call.fn) && op->getNumArgs() > 0) {
        call.object = op->getArg(0);
        first = 1;
      }
      for (unsigned i = first; i < op->getNumArgs(); ++i)
        call.args.push_back(op->getArg(i));
      if (!call.fn)
        return unresolvedCall(call, op->getCallee(), e);
    } else if (const auto *plain = dyn_cast<CallExpr>(e)) {
      call.fn = plain->getDirectCallee();
      for (const Expr *arg : plain->arguments())
        call.args.push_back(arg);
      if (!call.fn)
        return unresolvedCall(call, plain->getCallee(), e);
      if (const auto *method = dyn_cast<CXXMethodDecl>(call.fn); method && !method->isStatic())
        if (const auto *member = dyn_cast<MemberExpr>(plain->getCallee()->IgnoreParenImpCasts()))
          call.object = member->getBase();
    } else if (const auto *unresolved = dyn_cast<CXXUnresolvedConstructExpr>(e)) {
      for (const Expr *arg : unresolved->arguments())
        call.args.push_back(arg);
      if (!tu_.options.recover)
        return call;
      if (const auto *record = unresolved->getTypeAsWritten()->getAsCXXRecordDecl())
        call.callee.name = record->getName().str();
      else
        call.callee.name = unresolved->getTypeAsWritten().getAsString();
      call.callee.resolved = false;
      call.valid = !call.callee.name.empty();
      return call;
    } else {
      return call;
    }
    if (!call.fn)
      return call;
    call.callee.name = functionName(call.fn);
    if (const auto *method = dyn_cast<CXXMethodDecl>(call.fn))
      call.callee.record = method->getParent();
    if (call.object) {
      const Expr *object = strip(call.object);
      QualType type = (object ? object : call.object)->getType().getNonReferenceType();
      if (type->isPointerType())
        type = type->getPointeeType();
      call.callee.objectRecord = type->getAsCXXRecordDecl();
    }
    else
      call.callee.chain = namespaceChain(call.fn->getDeclContext());
    for (const ParmVarDecl *param : call.fn->parameters())
      call.params.push_back(param);
    call.valid = true;
    return call;
  }

  CallSite unresolvedCall(CallSite &call, const Expr *callee, const Expr *) {
    if (!tu_.options.recover || !callee)
      return call;
    callee = callee->IgnoreParenImpCasts();
    if (const auto *lookup = dyn_cast<UnresolvedLookupExpr>(callee)) {
      call.callee.name = lookup->getName().getAsString();
      call.callee.qualifier = writtenQualifier(lookup->getQualifier());
    } else if (const auto *member = dyn_cast<UnresolvedMemberExpr>(callee)) {
      call.callee.name = member->getMemberName().getAsString();
      call.callee.isMember = true;
      if (!member->isImplicitAccess())
        call.object = member->getBase();
    } else if (const auto *member = dyn_cast<CXXDependentScopeMemberExpr>(callee)) {
      call.callee.name = member->getMember().getAsString();
      call.callee.isMember = true;
      if (!member->isImplicitAccess())
        call.object = member->getBase();
    } else if (const auto *ref = dyn_cast<DependentScopeDeclRefExpr>(callee)) {
      call.callee.name = ref->getDeclName().getAsString();
      call.callee.qualifier = writtenQualifier(ref->getQualifier());
    } else if (const auto *member = dyn_cast<MemberExpr>(callee)) {
      call.callee.name = member->getMemberDecl()->getNameAsString();
      call.callee.isMember = true;
      call.object = member->getBase();
    } else {
      return call;
    }
    call.callee.resolved = false;
    call.valid = !call.callee.name.empty();
    return call;
  }

  static std::vector<std::string> writtenQualifier(const NestedNameSpecifier *qualifier) {
    std::vector<std::string> parts;
    for (; qualifier; qualifier = qualifier->getPrefix()) {
      if (const IdentifierInfo *id = qualifier->getAsIdentifier())
        parts.push_back(id->getName().str());
      else if (const NamespaceDecl *ns = qualifier->getAsNamespace())
        parts.push_back(ns->getName().str());
      else if (const Type *type = qualifier->getAsType())
        if (const auto *record = type->getAsCXXRecordDecl())
          parts.push_back(record->getName().str());
    }
    return {parts.rbegin(), parts.rend()};
  }

  std::vector<const SummaryRow *> summaryRows(const CallSite &call) {
    std::vector<const SummaryRow *> rows;
    for (const auto &row : tableIndex().tables.summaries)
      if (calleeMatches(row, call.callee))
        rows.push_back(&row);
    return rows;
  }

  std::vector<const SinkRow *> sinkRows(const CallSite &call) {
    std::vector<const SinkRow *> rows;
    const SinkRow *first = nullptr;
    for (const auto &row : tableIndex().tables.sinks) {
      if (!calleeMatches(row, call.callee))
        continue;
      if (!call.callee.resolved) {
        // By name: keep only the rows of the first matching API.
        if (!first)
          first = &row;
        if (row.ns != first->ns || row.cls != first->cls)
          continue;
      }
      rows.push_back(&row);
    }
    return rows;
  }

  const SourceRow *sourceRow(const CallSite &call) {
    for (const auto &row : tableIndex().tables.sources)
      if (calleeMatches(row, call.callee))
        return &row;
    return nullptr;
  }

  bool isUserFunction(const CallSite &call) {
    if (!call.fn || !call.callee.resolved)
      return false;
    const FunctionDecl *fn = call.fn;
    if (tu_.inSystemHeader(fn->getLocation()) || tu_.inModelledLibrary(fn))
      return false;
    if (fn->getBuiltinID() != 0)
      return false;
    // A C library's API (curl_easy_init, ...): declared only, nothing to follow into.
    if (fn->isExternC() && !fn->hasBody())
      return false;
    return true;
  }

  void handleCall(const Expr *e, const ObjectRef *constructed, const std::string &constructedName) {
    CallSite call = callSite(e);
    if (!call.valid)
      return;
    call.constructed = constructed;
    call.constructedName = constructedName;
    auto where = tu_.callRange(e);
    if (call.callee.resolved && tu_.options.recover && where.begin.valid() && tu_.inMainFile(e))
      tu_.resolvedCallOffsets.insert(where.begin.offset); // the token scan leaves these alone

    // Summaries that store somewhere.
    bool modelled = false;
    for (const SummaryRow *row : summaryRows(call)) {
      modelled = true;
      if (row->kind != SummaryKind::Value && row->kind != SummaryKind::Setter)
        continue;
      const AccessPath *output = singlePath(row->output);
      if (!output || output->root == AccessPath::Root::ReturnValue)
        continue;
      std::optional<ValuePtr> value = evaluate(row->input, call);
      if (!value)
        continue;
      storeOutput(*output, call, *value, where, phraseFor(*row, *output, call));
    }
    if (sourceRow(call))
      modelled = true;

    // Sinks.
    std::vector<const SinkRow *> sinks = sinkRows(call);
    if (!sinks.empty()) {
      emitAccess(call, sinks, where);
      return;
    }
    if (modelled || !isUserFunction(call))
      return;

    // A call into the program: its arguments flow to the callee's parameters.
    const FunctionDecl *fn = call.fn;
    std::string fnName = fn->getNameAsString();
    if (isa<CXXConstructorDecl>(fn))
      fnName = functionName(fn);
    for (size_t i = 0; i < call.args.size() && i < call.params.size(); ++i) {
      const ParmVarDecl *param = call.params[i];
      if (isa<CXXDefaultArgExpr>(call.args[i]))
        continue;
      std::string symbol = tu_.paramSymbol(fn, static_cast<unsigned>(i));
      std::string phrase = "passed to parameter " + param->getName().str() + " of " + fnName;
      if (isObjectType(param->getType()))
        copyObject(symbol, objectOf(call.args[i]), where, phrase);
      else if (isStringType(param->getType()))
        tu_.emit(symbol, jsonify(valueOf(call.args[i])), where, phrase);
    }
    // Out-parameters: after the call the argument holds what the callee wrote to it.
    for (size_t i = 0; i < call.args.size() && i < call.params.size(); ++i) {
      if (!isOutParameter(call.params[i]) || isa<CXXDefaultArgExpr>(call.args[i]))
        continue;
      Target target = targetOf(call.args[i]);
      if (target.kind == Target::Kind::None)
        continue;
      store(target, makeRef(tu_.outSymbol(fn, static_cast<unsigned>(i))), where,
            "set by " + fnName + " through parameter " + call.params[i]->getName().str());
    }
  }

  std::string phraseFor(const SummaryRow &row, const AccessPath &output, const CallSite &call) {
    if (!output.segments.empty() && output.segments.back().dynamic) {
      if (auto name = segmentName(call, output.segments.back()))
        return "passed as " + *name;
    }
    const std::string &method = call.callee.name;
    if (output.segments.empty() && output.root == AccessPath::Root::Argument) {
      Target target = targetOf(argument(call, output.index) ? argument(call, output.index) : nullptr);
      std::string name = target.name.empty() ? std::string("the string") : target.name;
      if (method == "operator=" || method == "assign")
        return "assigned to " + name;
      return "appended to " + name;
    }
    (void)row;
    return "passed to " + method;
  }

  void storeOutput(const AccessPath &output, const CallSite &call, ValuePtr value, cloudpact::SourceRange where,
                   const std::string &phrase) {
    if (output.root == AccessPath::Root::Global) {
      std::string symbol = "cxx:global:" + output.selector;
      for (const auto &segment : output.segments)
        symbol += "." + segment.name;
      tu_.emit(symbol, value, where, phrase);
      return;
    }
    if (output.root != AccessPath::Root::Argument || output.select != AccessPath::Select::Index)
      return;
    if (output.index == -1 && call.constructed) {
      // A constructor's object.
      if (output.segments.size() != 1 || call.constructed->key.empty())
        return;
      std::optional<std::string> name = segmentName(call, output.segments.front());
      if (name)
        tu_.emit(call.constructed->key + "." + *name, value, where, phrase);
      return;
    }
    const Expr *base = argument(call, output.index);
    if (!base)
      return;
    if (output.segments.empty()) {
      store(targetOf(base), value, where, phrase);
      return;
    }
    if (output.segments.size() != 1)
      return;
    std::optional<std::string> name = segmentName(call, output.segments.front());
    if (!name)
      return;
    if (isObjectType(base->getType()) || !call.callee.resolved) {
      ObjectRef object = objectOf(base);
      if (!object.key.empty())
        tu_.emit(object.key + "." + *name, value, where, phrase);
      return;
    }
    Target target = targetOf(base);
    if (target.kind == Target::Kind::Local || target.kind == Target::Kind::Symbol) {
      target.member = *name;
      target.kind = Target::Kind::Member;
      store(target, value, where, phrase);
    }
  }

  void emitAccess(const CallSite &call, const std::vector<const SinkRow *> &rows, cloudpact::SourceRange where) {
    ModelAccess access;
    access.kind = AccessKind::Call;
    access.range = where;
    access.subject = tu_.subjectOf(owner_);
    access.confidence = call.callee.resolved ? 1.0 : kByNameConfidence;
    const SinkRow &first = *rows.front();
    for (const auto &api : tableIndex().tables.apis)
      if (api.ns == first.ns && api.cls == first.cls) {
        access.api = api.label + call.callee.name;
        break;
      }
    if (access.api.empty())
      access.api = first.ns + (first.ns.empty() ? "" : "::") + call.callee.name;
    ValuePtr sigv4;
    for (const SinkRow *row : rows) {
      if (access.impliedCloud.empty())
        access.impliedCloud = row->cloud;
      std::optional<ValuePtr> value = evaluate(row->input, call);
      if (!value || !*value)
        continue;
      ValuePtr *slot = nullptr;
      switch (row->kind) {
      case SinkKind::Model: slot = &access.model; break;
      case SinkKind::Endpoint: slot = &access.endpoint; break;
      case SinkKind::Region: slot = &access.region; break;
      case SinkKind::Cloud: slot = &access.cloud; break;
      case SinkKind::Sigv4: sigv4 = *value; break;
      }
      if (!slot)
        continue;
      *slot = *slot ? makeChoice({*slot, *value}) : *value;
    }
    if (sigv4)
      tu_.pendingSigv4.emplace_back(tu_.out.accesses.size(), sigv4);
    if (where.begin.valid() && tu_.inMainFile(call.expr))
      tu_.accessOffsets.emplace(where.begin.offset, tu_.out.accesses.size());
    tu_.out.accesses.push_back(std::move(access));
  }

  // -- access paths -------------------------------------------------------------------------

  static const AccessPath *singlePath(const PathExpr &expr) {
    if (expr.alternatives.size() != 1 || expr.alternatives[0].size() != 1 ||
        expr.alternatives[0][0].kind != PathTerm::Kind::Path)
      return nullptr;
    return &expr.alternatives[0][0].path;
  }
  static bool returnsWhole(const PathExpr &expr) {
    const AccessPath *path = singlePath(expr);
    return path && path->root == AccessPath::Root::ReturnValue && path->segments.empty();
  }

  const Expr *argument(const CallSite &call, int index) {
    if (index == -1)
      return call.object;
    if (index < 0 || static_cast<size_t>(index) >= call.args.size())
      return nullptr;
    return call.args[index];
  }

  /// The arguments a path's root selects (several for Argument[*]).
  std::vector<const Expr *> selectArguments(const AccessPath &path, const CallSite &call) {
    std::vector<const Expr *> selected;
    switch (path.select) {
    case AccessPath::Select::Index:
      if (const Expr *arg = argument(call, path.index))
        selected.push_back(arg);
      break;
    case AccessPath::Select::From:
      for (size_t i = std::max(path.index, 0); i < call.args.size(); ++i)
        selected.push_back(call.args[i]);
      break;
    case AccessPath::Select::All:
      selected = call.args;
      break;
    case AccessPath::Select::Name:
      for (size_t i = 0; i < call.params.size() && i < call.args.size(); ++i)
        if (call.params[i]->getName() == path.selector) {
          selected.push_back(call.args[i]);
          break;
        }
      break;
    case AccessPath::Select::Type:
      for (const Expr *arg : call.args) {
        const Expr *inner = strip(arg);
        const CXXRecordDecl *record = inner ? inner->getType()->getAsCXXRecordDecl() : nullptr;
        if (!record)
          continue;
        auto wanted = splitQualified(path.selector);
        auto chain = namespaceChain(record->getDeclContext());
        chain.push_back(record->getName().str());
        if (chain == wanted)
          selected.push_back(arg);
      }
      break;
    }
    return selected;
  }

  /// A property name given by a segment: fixed, or the text of an enumerator or literal argument.
  std::optional<std::string> segmentName(const CallSite &call, const PathSegment &segment) {
    if (!segment.dynamic)
      return segment.name;
    const AccessPath &path = *segment.dynamic;
    if (path.root != AccessPath::Root::Argument)
      return std::nullopt;
    auto args = selectArguments(path, call);
    if (args.size() != 1)
      return std::nullopt;
    const Expr *arg = strip(args.front());
    for (int depth = 0; arg && depth < 4; ++depth) {
      if (const auto *ref = dyn_cast<DeclRefExpr>(arg)) {
        if (const auto *enumerator = dyn_cast<EnumConstantDecl>(ref->getDecl()))
          return enumerator->getName().str();
        if (const auto *var = dyn_cast<VarDecl>(ref->getDecl()); var && var->getType().isConstQualified() && var->getInit()) {
          arg = strip(var->getInit());
          continue;
        }
        return std::nullopt;
      }
      if (const auto *literal = dyn_cast<StringLiteral>(arg))
        return literal->getString().str();
      if (const auto *construct = dyn_cast<CXXConstructExpr>(arg); construct && construct->getNumArgs() >= 1) {
        arg = strip(construct->getArg(0));
        continue;
      }
      if (const auto *recovery = dyn_cast<RecoveryExpr>(arg)) {
        // An undeclared enumerator (missing header): take the name as written.
        auto text = Lexer::getSourceText(CharSourceRange::getTokenRange(recovery->getSourceRange()), tu_.sm,
                                         tu_.context.getLangOpts());
        if (!text.empty() && text.find_first_of(" (),") == llvm::StringRef::npos)
          return text.str();
        return std::nullopt;
      }
      break;
    }
    return std::nullopt;
  }

  /// Evaluates an Input cell. nullopt: the row does not apply (an argument is missing).
  std::optional<ValuePtr> evaluate(const PathExpr &expr, const CallSite &call) {
    if (expr.empty())
      return std::nullopt;
    std::vector<ValuePtr> maybe; // env alternatives that may be unset
    auto where = tu_.callRange(call.expr);
    for (const auto &alternative : expr.alternatives) {
      std::vector<ValuePtr> parts;
      bool given = true, fromEnv = false;
      for (const auto &term : alternative) {
        switch (term.kind) {
        case PathTerm::Kind::Literal: parts.push_back(makeLiteral(term.text)); break;
        case PathTerm::Kind::Env:
          parts.push_back(makeEnvRead(term.text, where, "read by " + call.callee.name));
          fromEnv = true;
          break;
        case PathTerm::Kind::Path: {
          std::optional<ValuePtr> value = evaluatePath(term.path, call, expr.alternatives.size() > 1);
          if (!value) {
            given = false;
            break;
          }
          parts.push_back(*value);
          break;
        }
        }
        if (!given)
          break;
      }
      if (!given)
        continue;
      ValuePtr value = parts.size() == 1 ? parts.front() : makeConcat(std::move(parts));
      if (fromEnv) {
        maybe.push_back(value);
        continue;
      }
      if (maybe.empty())
        return value;
      maybe.push_back(value);
      return makeChoice(std::move(maybe));
    }
    if (maybe.empty())
      return std::nullopt;
    return maybe.size() == 1 ? maybe.front() : makeChoice(std::move(maybe));
  }

  std::optional<ValuePtr> evaluatePath(const AccessPath &path, const CallSite &call, bool emptyIsMissing) {
    if (path.root == AccessPath::Root::ReturnValue)
      return std::nullopt;
    // The base object or value.
    std::optional<ObjectRef> object;
    const Expr *base = nullptr;
    if (path.root == AccessPath::Root::Global) {
      ObjectRef global;
      global.key = "cxx:global:" + path.selector;
      object = global;
    } else if (path.select == AccessPath::Select::Index && path.index == -1 && call.constructed) {
      object = *call.constructed;
    } else if (path.select == AccessPath::Select::All) {
      // Every object argument that has the property.
      if (path.segments.size() != 1)
        return std::nullopt;
      std::vector<ValuePtr> values;
      for (const Expr *arg : call.args) {
        if (!isObjectType(arg->getType()))
          continue;
        ObjectRef argObject = objectOf(arg);
        if (ValuePtr value = property(argObject, path.segments.front().name))
          values.push_back(value);
      }
      if (values.empty())
        return std::nullopt;
      return values.size() == 1 ? values.front() : makeChoice(std::move(values));
    } else {
      auto selected = selectArguments(path, call);
      if (selected.size() != 1)
        return std::nullopt;
      base = selected.front();
      if (emptyIsMissing && isEmptyDefault(base))
        return std::nullopt;
    }
    if (path.segments.empty()) {
      if (object)
        return std::nullopt;
      return valueOf(base);
    }
    ValuePtr value;
    size_t next = 0;
    if (!object && base && (isObjectType(base->getType()) || (!call.callee.resolved && !isStringLiteralArg(base))))
      object = objectOf(base);
    if (object) {
      std::optional<std::string> name = segmentName(call, path.segments[0]);
      if (!name)
        return std::nullopt;
      value = property(*object, *name);
      if (!value)
        return std::nullopt;
      next = 1;
    } else {
      value = valueOf(base);
    }
    for (; next < path.segments.size(); ++next) {
      std::optional<std::string> name = segmentName(call, path.segments[next]);
      if (!name)
        return std::nullopt;
      value = member(value, *name, tu_.callRange(call.expr));
      if (!value)
        return std::nullopt;
    }
    return value;
  }

  static bool isStringLiteralArg(const Expr *e) {
    e = strip(e);
    return e && isa<StringLiteral>(e);
  }

  bool isEmptyDefault(const Expr *arg) {
    if (const auto *def = dyn_cast<CXXDefaultArgExpr>(arg)) {
      ValuePtr value = valueOf(def->getExpr());
      return value->kind == ValueKind::Literal && value->text.empty();
    }
    ValuePtr value = valueOf(arg);
    return value->kind == ValueKind::Literal && value->text.empty();
  }

  /// A JSON member of a value: looked up in maps we built, else left to the solver.
  ValuePtr member(ValuePtr value, const std::string &name, cloudpact::SourceRange where) {
    value = jsonify(value);
    ValuePtr resolved = jsonify(resolveLocal(value));
    if (resolved && resolved->kind == ValueKind::Map) {
      for (const auto &field : resolved->fields)
        if (field.first == name)
          return resolved == value ? field.second : makeGet(value, name, where);
      return nullptr; // the body has no such member: not given
    }
    return makeGet(value, name, where);
  }

  ValuePtr property(const ObjectRef &object, const std::string &name) {
    if (!object.key.empty())
      return makeRef(object.key + "." + name);
    auto it = object.props.find(name);
    return it == object.props.end() ? nullptr : it->second;
  }

  // -- objects ------------------------------------------------------------------------------

  ObjectRef objectOf(const Expr *e, int depth = 0) {
    ObjectRef result;
    e = strip(e);
    if (!e || depth > 16)
      return result;
    if (const auto *ref = dyn_cast<DeclRefExpr>(e)) {
      if (const auto *var = dyn_cast<VarDecl>(ref->getDecl()))
        result.key = tu_.varSymbol(var);
      return result;
    }
    if (const auto *member = dyn_cast<MemberExpr>(e)) {
      const ValueDecl *decl = member->getMemberDecl();
      if (const auto *field = dyn_cast<FieldDecl>(decl)) {
        // A member object sharing its owner's settings (an alias row), else the field itself.
        Callee callee;
        callee.name = field->getName().str();
        callee.record = field->getParent() ? dyn_cast<CXXRecordDecl>(field->getParent()) : nullptr;
        for (const auto &row : tableIndex().tables.summaries)
          if (row.kind == SummaryKind::Alias && calleeMatches(row, callee)) {
            const AccessPath *path = singlePath(row.input);
            if (path && path->root == AccessPath::Root::Argument && path->index == -1 && path->segments.empty())
              return objectOf(member->getBase(), depth + 1);
          }
        const Expr *owner = strip(member->getBase());
        if (owner && !isa<CXXThisExpr>(owner) && isObjectType(member->getBase()->getType())) {
          ObjectRef ownerObject = objectOf(member->getBase(), depth + 1);
          if (!ownerObject.key.empty()) {
            result.key = ownerObject.key + "." + field->getName().str();
            return result;
          }
        }
        result.key = tu_.fieldSymbol(field);
      } else if (const auto *var = dyn_cast<VarDecl>(decl)) {
        result.key = tu_.varSymbol(var);
      }
      return result;
    }
    if (const auto *construct = dyn_cast<CXXConstructExpr>(e)) {
      if (isCopy(construct))
        return objectOf(construct->getArg(0), depth + 1);
      CallSite call = callSite(construct);
      if (!call.valid)
        return result;
      return constructTemporary(call);
    }
    if (isa<CallExpr>(e)) {
      CallSite call = callSite(e);
      if (!call.valid)
        return result;
      for (const SummaryRow *row : summaryRows(call)) {
        const AccessPath *output = singlePath(row->output);
        if (row->kind == SummaryKind::Alias && returnsWhole(row->output)) {
          const AccessPath *input = singlePath(row->input);
          if (!input || !input->segments.empty())
            continue;
          if (input->root == AccessPath::Root::Global) {
            result.key = "cxx:global:" + input->selector;
            return result;
          }
          if (input->root == AccessPath::Root::Argument && input->select == AccessPath::Select::Index)
            if (const Expr *arg = argument(call, input->index))
              return objectOf(arg, depth + 1);
        }
        if (row->kind == SummaryKind::Setter && output && output->root == AccessPath::Root::Argument && output->index == -1 &&
            call.object) {
          // A setter chain on a temporary keeps what it sets; on a variable the store was made.
          ObjectRef base = objectOf(call.object, depth + 1);
          if (base.key.empty() && output->segments.size() == 1)
            if (std::optional<ValuePtr> value = evaluate(row->input, call))
              if (std::optional<std::string> name = segmentName(call, output->segments.front()))
                base.props[*name] = stepped(*value, "passed to " + call.callee.name);
          if (base.valid())
            return base;
          continue;
        }
        if (row->kind == SummaryKind::Construct) {
          const AccessPath *input = singlePath(row->input);
          if (!input)
            continue;
          CallSite inner = call;
          inner.args.clear();
          inner.params.clear();
          for (size_t i = std::max(input->index, 0); i < call.args.size(); ++i)
            inner.args.push_back(call.args[i]);
          // The constructed class: the function's template argument.
          if (const auto *args = call.fn ? call.fn->getTemplateSpecializationArgs() : nullptr) {
            if (args->size() > 0 && (*args)[0].getKind() == TemplateArgument::Type)
              if (const CXXRecordDecl *record = (*args)[0].getAsType()->getAsCXXRecordDecl()) {
                inner.callee = Callee{};
                inner.callee.name = record->getName().str();
                inner.callee.record = record;
                inner.fn = nullptr;
                // Parameter names from the constructor with as many parameters, when unique.
                for (const CXXConstructorDecl *ctor : record->ctors())
                  if (ctor->getNumParams() >= inner.args.size() && ctor->getMinRequiredArguments() <= inner.args.size()) {
                    inner.params.assign(ctor->param_begin(), ctor->param_end());
                    break;
                  }
                return constructTemporary(inner);
              }
          }
        }
        if (row->kind == SummaryKind::Value && output && output->root == AccessPath::Root::ReturnValue &&
            output->segments.size() == 1) {
          if (std::optional<ValuePtr> value = evaluate(row->input, call))
            result.props[output->segments.front().name] = stepped(*value, "passed to " + call.callee.name);
        }
      }
      if (result.valid())
        return result;
      if (isUserFunction(call) && isObjectType(call.fn->getReturnType()))
        result.key = tu_.returnSymbol(call.fn);
      return result;
    }
    if (const auto *conditional = dyn_cast<AbstractConditionalOperator>(e))
      return objectOf(conditional->getTrueExpr(), depth + 1);
    if (const auto *recovery = dyn_cast<RecoveryExpr>(e)) {
      auto subs = recovery->subExpressions();
      if (subs.size() == 1)
        return objectOf(subs.front(), depth + 1);
      // An undeclared identifier (its declaration needed a missing header): keyed by name.
      auto text = Lexer::getSourceText(CharSourceRange::getTokenRange(recovery->getSourceRange()), tu_.sm,
                                       tu_.context.getLangOpts());
      if (subs.empty() && isIdentifier(text)) {
        SourceLocation at = tu_.sm.getFileLoc(recovery->getBeginLoc());
        const VarDecl *declared = tu_.sm.isInMainFile(at) ? tu_.declaredBefore(text.str(), tu_.sm.getFileOffset(at)) : nullptr;
        result.key = declared ? tu_.varSymbol(declared) : tu_.unresolvedSymbol(owner_, text.str());
      }
      return result;
    }
    if (const auto *lookup = dyn_cast<UnresolvedLookupExpr>(e)) {
      if (!lookup->getQualifier())
        result.key = tu_.unresolvedSymbol(owner_, lookup->getName().getAsString());
      return result;
    }
    return result;
  }

  static bool isIdentifier(llvm::StringRef text) {
    if (text.empty() || !(std::isalpha(static_cast<unsigned char>(text[0])) || text[0] == '_'))
      return false;
    for (char c : text)
      if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_'))
        return false;
    return true;
  }

  /// Properties of a temporary built by a constructor (or make_shared) from its summary rows.
  ObjectRef constructTemporary(const CallSite &call) {
    ObjectRef result;
    for (const SummaryRow *row : summaryRows(call)) {
      if (row->kind != SummaryKind::Value && row->kind != SummaryKind::Setter)
        continue;
      const AccessPath *output = singlePath(row->output);
      if (!output || output->root != AccessPath::Root::Argument || output->index != -1 || output->segments.size() != 1)
        continue;
      if (std::optional<ValuePtr> value = evaluate(row->input, call)) {
        std::optional<std::string> name = segmentName(call, output->segments.front());
        ValuePtr step = stepped(*value, "passed to " + call.callee.name);
        if (name)
          result.props[*name] = result.props.count(*name) ? makeChoice({result.props[*name], step}) : step;
      }
    }
    return result;
  }

  /// A value written right into a call: its trace step says where it went.
  static ValuePtr stepped(const ValuePtr &value, const std::string &phrase) {
    if (!value || !value->phrase.empty() || !value->range.valid() || value->kind == ValueKind::Ref)
      return value;
    return withPhrase(value, phrase);
  }

  // -- values -------------------------------------------------------------------------------

 public:
  ValuePtr valueOf(const Expr *e, int depth = 0) {
    if (!e)
      return makeUnknown("no expression");
    if (depth > 32)
      return makeUnknown("expression too deep", tu_.range(e));
    e = strip(e);
    if (!e)
      return makeUnknown("no expression");
    auto where = tu_.range(e);
    if (const auto *literal = dyn_cast<StringLiteral>(e))
      return literalValue(literal);
    if (const auto *ref = dyn_cast<DeclRefExpr>(e)) {
      if (const auto *var = dyn_cast<VarDecl>(ref->getDecl())) {
        if (isTrackedLocal(var))
          return current(var);
        return makeRef(tu_.varSymbol(var));
      }
      return makeUnknown("value of " + ref->getDecl()->getNameAsString(), where);
    }
    if (const auto *member = dyn_cast<MemberExpr>(e)) {
      if (const auto *field = dyn_cast<FieldDecl>(member->getMemberDecl())) {
        if (isObjectType(member->getBase()->getType())) {
          ObjectRef owner = objectOf(member->getBase());
          if (!owner.key.empty())
            return makeRef(owner.key + "." + field->getName().str());
          if (ValuePtr value = property(owner, field->getName().str()))
            return value;
        }
        return makeRef(tu_.fieldSymbol(field));
      }
      if (const auto *var = dyn_cast<VarDecl>(member->getMemberDecl()))
        return makeRef(tu_.varSymbol(var));
      return makeUnknown("value of member " + member->getMemberDecl()->getNameAsString(), where);
    }
    if (const auto *conditional = dyn_cast<AbstractConditionalOperator>(e))
      return makeChoice({valueOf(conditional->getTrueExpr(), depth + 1), valueOf(conditional->getFalseExpr(), depth + 1)}, where);
    if (const auto *binary = dyn_cast<BinaryOperator>(e)) {
      if (binary->getOpcode() == BO_Comma || binary->isAssignmentOp())
        return valueOf(binary->getRHS(), depth + 1);
      return makeUnknown("result of operator " + binary->getOpcodeStr().str(), where);
    }
    if (const auto *init = dyn_cast<InitListExpr>(e)) {
      if (init->getNumInits() >= 1 && isStringType(init->getType()))
        return valueOf(init->getInit(0), depth + 1);
      return makeUnknown("initializer list", where);
    }
    if (const auto *unresolved = dyn_cast<CXXUnresolvedConstructExpr>(e)) {
      if (unresolved->getNumArgs() == 1)
        return valueOf(unresolved->getArg(0), depth + 1);
      return makeUnknown("dependent construction", where);
    }
    if (const auto *recovery = dyn_cast<RecoveryExpr>(e)) {
      auto subs = recovery->subExpressions();
      if (subs.size() == 1)
        return valueOf(subs.front(), depth + 1);
      return makeUnknown("expression with errors", where);
    }
    if (isa<CallExpr>(e) || isa<CXXConstructExpr>(e))
      return callValue(e, depth);
    if (isa<CXXNullPtrLiteralExpr>(e) || isa<GNUNullExpr>(e))
      return makeUnknown("null pointer", where);
    return makeUnknown("value of " + std::string(e->getStmtClassName()), where);
  }

 private:
  ValuePtr literalValue(const StringLiteral *literal) {
    auto where = tu_.range(literal);
    if (!(literal->isOrdinary() || literal->isUTF8()))
      return makeUnknown("wide string literal", where);
    std::string text = literal->getString().str();
    // A whole JSON object: its members, each located in the literal.
    size_t first = text.find_first_not_of(" \t\r\n");
    if (first != std::string::npos && text[first] == '{') {
      JsonNode node;
      if (parseJson(text, node) && node.kind == JsonNode::Kind::Object)
        return jsonValue(node, literal);
    }
    return makeLiteral(std::move(text), where);
  }

  ValuePtr jsonValue(const JsonNode &node, const StringLiteral *literal) {
    auto where = byteRange(literal, node.offset, node.length);
    switch (node.kind) {
    case JsonNode::Kind::Object: {
      std::vector<std::pair<std::string, ValuePtr>> fields;
      for (const auto &[key, value] : node.fields)
        fields.emplace_back(key, jsonValue(value, literal));
      return makeMap(std::move(fields), where);
    }
    case JsonNode::Kind::Array: {
      std::vector<ValuePtr> items;
      for (const auto &item : node.items)
        items.push_back(jsonValue(item, literal));
      return makeList(std::move(items), where);
    }
    case JsonNode::Kind::String:
    case JsonNode::Kind::Scalar: return makeLiteral(node.text, where);
    }
    return makeUnknown("json");
  }

  cloudpact::SourceRange byteRange(const StringLiteral *literal, size_t offset, size_t length) {
    const auto &langOpts = tu_.context.getLangOpts();
    const auto &target = tu_.context.getTargetInfo();
    if (offset + length > literal->getByteLength() || literal->getNumConcatenated() == 0)
      return tu_.range(literal);
    SourceLocation begin = literal->getLocationOfByte(static_cast<unsigned>(offset), tu_.sm, langOpts, target);
    SourceLocation end = literal->getLocationOfByte(static_cast<unsigned>(offset + length), tu_.sm, langOpts, target);
    cloudpact::SourceRange result;
    result.begin = tu_.loc(begin);
    result.end = tu_.loc(end);
    if (!result.begin.valid())
      return tu_.range(literal);
    if (result.end.file != result.begin.file || result.end.offset < result.begin.offset)
      result.end = {};
    return result;
  }

  ValuePtr callValue(const Expr *e, int depth) {
    auto where = tu_.range(e);
    CallSite call = callSite(e);
    if (!call.valid)
      return makeUnknown("result of an unresolved call", where);
    // Sources: getenv and friends.
    if (const SourceRow *row = sourceRow(call)) {
      const AccessPath *path = singlePath(row->input);
      std::optional<std::string> name;
      if (path) {
        auto args = selectArguments(*path, call);
        if (args.size() == 1) {
          name = constantText(args.front());
          if (!name) {
            ValuePtr argument = resolveLocal(valueOf(args.front()));
            if (argument && argument->kind == ValueKind::Literal)
              name = argument->text;
          }
        }
      }
      if (!name)
        return makeUnknown(call.callee.name + " of a name not known statically", where);
      return makeEnvRead(*name, tu_.callRange(e), row->phrase);
    }
    for (const SummaryRow *row : summaryRows(call)) {
      switch (row->kind) {
      case SummaryKind::Value: {
        if (!returnsWhole(row->output))
          break;
        if (std::optional<ValuePtr> value = evaluate(row->input, call))
          return *value;
        break;
      }
      case SummaryKind::Setter:
        if (call.object)
          return valueOf(call.object, depth + 1);
        break;
      case SummaryKind::Alias: {
        if (!returnsWhole(row->output))
          break;
        const AccessPath *path = singlePath(row->input);
        if (!path || path->root != AccessPath::Root::Argument || path->select != AccessPath::Select::Index)
          break;
        const Expr *arg = argument(call, path->index);
        if (!arg)
          break;
        if (path->segments.empty())
          return valueOf(arg, depth + 1);
        if (std::optional<ValuePtr> value = evaluatePath(*path, call, false))
          return *value;
        break;
      }
      case SummaryKind::Format: {
        if (call.args.empty())
          break;
        return formatValue(call, where);
      }
      case SummaryKind::Json:
        if (!call.args.empty())
          return jsonConstruct(call.args.front(), depth);
        return makeMap({}, where);
      default: break;
      }
    }
    if (const auto *construct = dyn_cast<CXXConstructExpr>(e)) {
      const CXXRecordDecl *record = construct->getConstructor() ? construct->getConstructor()->getParent() : nullptr;
      if (construct->getNumArgs() == 0 || isa<CXXDefaultArgExpr>(construct->getArg(0))) {
        if (isJsonRecord(record))
          return makeMap({}, where);
        if (record && isValueTypeRecord(record))
          return makeLiteral("", where);
        return makeUnknown("default-constructed object", where);
      }
      // Copies and conversions of a string-like argument pass it on.
      if (isStringType(construct->getArg(0)->getType()) || isCopy(construct))
        return valueOf(construct->getArg(0), depth + 1);
      return makeUnknown("object of " + (record ? record->getNameAsString() : std::string("a class")), where);
    }
    if (call.fn && isa<CXXConversionDecl>(call.fn) && call.object)
      return valueOf(call.object, depth + 1);
    if (isUserFunction(call) && (isStringType(call.fn->getReturnType()) || call.fn->getReturnType()->isUndeducedType())) {
      if (!returns_ && tu_.readsEnvByParameter(call.fn))
        if (ValuePtr inlined = inlineCall(call))
          return inlined;
      return makeRef(tu_.returnSymbol(call.fn));
    }
    return makeUnknown("result of " + call.callee.name, where);
  }

  /// The callee's return values with its parameters bound to this call's arguments (one level,
  /// a dry run: the callee's own walk emits its facts).
  ValuePtr inlineCall(const CallSite &call) {
    const FunctionDecl *definition = nullptr;
    if (!call.fn->hasBody(definition) || !definition || !definition->getBody())
      return nullptr;
    Walker inner(tu_, definition);
    for (unsigned i = 0; i < definition->getNumParams(); ++i) {
      const ParmVarDecl *param = definition->getParamDecl(i);
      inner.state_[param] = i < call.args.size() ? valueOf(call.args[i]) : makeRef(tu_.paramSymbol(definition, i));
    }
    std::vector<ValuePtr> returns;
    inner.returns_ = &returns;
    TU::Snapshot snapshot = tu_.snapshot();
    inner.walkStmt(definition->getBody());
    tu_.restore(std::move(snapshot));
    if (returns.empty())
      return nullptr;
    return returns.size() == 1 ? returns.front() : makeChoice(std::move(returns));
  }

  /// std::format / fmt::format with a literal format string: pieces and arguments in order.
  ValuePtr formatValue(const CallSite &call, cloudpact::SourceRange where) {
    ValuePtr format = resolveLocal(valueOf(call.args.front()));
    if (!format || format->kind != ValueKind::Literal)
      return makeUnknown("format with a format string not known statically", where);
    const std::string &text = format->text;
    std::vector<ValuePtr> parts;
    std::string piece;
    size_t next = 1;
    for (size_t i = 0; i < text.size(); ++i) {
      char c = text[i];
      if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
        piece += c;
        ++i;
        continue;
      }
      if (c == '{') {
        size_t close = text.find('}', i);
        if (close == std::string::npos)
          break;
        if (!piece.empty())
          parts.push_back(makeLiteral(piece, format->range));
        piece.clear();
        std::string spec = text.substr(i + 1, close - i - 1);
        size_t index = next++;
        if (!spec.empty() && std::isdigit(static_cast<unsigned char>(spec[0])))
          index = static_cast<size_t>(std::stoul(spec)) + 1;
        parts.push_back(index < call.args.size() ? valueOf(call.args[index]) : makeUnknown("missing format argument", where));
        i = close;
        continue;
      }
      piece += c;
    }
    if (!piece.empty())
      parts.push_back(makeLiteral(piece, format->range));
    if (parts.empty())
      return makeLiteral("", where);
    return makeConcat(std::move(parts), where);
  }

  /// nlohmann::json built from an initializer list: objects from {key, value} pairs.
  ValuePtr jsonConstruct(const Expr *e, int depth) {
    auto where = tu_.range(e);
    const Expr *inner = e;
    for (int i = 0; i < 12 && inner; ++i) {
      inner = strip(inner);
      if (const auto *list = dyn_cast<CXXStdInitializerListExpr>(inner)) {
        inner = list->getSubExpr();
        continue;
      }
      if (const auto *construct = dyn_cast<CXXConstructExpr>(inner); construct && construct->getNumArgs() >= 1 &&
                                                                      (construct->getNumArgs() == 1 || isa<CXXDefaultArgExpr>(construct->getArg(1)))) {
        const Expr *arg = strip(construct->getArg(0));
        if (isa<InitListExpr>(arg) || isa<CXXStdInitializerListExpr>(arg) || isa<CXXConstructExpr>(arg)) {
          inner = arg;
          continue;
        }
        return valueOf(arg, depth + 1);
      }
      break;
    }
    const auto *list = dyn_cast_or_null<InitListExpr>(inner);
    if (!list)
      return inner ? valueOf(inner, depth + 1) : makeUnknown("json", where);
    // An object when every element is a pair whose first member is a string literal.
    std::vector<std::pair<std::string, ValuePtr>> fields;
    bool object = list->getNumInits() > 0;
    for (const Expr *element : list->inits()) {
      const InitListExpr *pair = pairOf(element);
      if (!pair || pair->getNumInits() != 2) {
        object = false;
        break;
      }
      std::optional<std::string> key = constantText(pair->getInit(0));
      if (!key) {
        object = false;
        break;
      }
      fields.emplace_back(*key, jsonConstruct(pair->getInit(1), depth + 1));
    }
    if (object)
      return makeMap(std::move(fields), where);
    std::vector<ValuePtr> items;
    for (const Expr *element : list->inits())
      items.push_back(jsonConstruct(element, depth + 1));
    return makeList(std::move(items), where);
  }

  const InitListExpr *pairOf(const Expr *e) {
    for (int i = 0; i < 12 && e; ++i) {
      e = strip(e);
      if (const auto *list = dyn_cast<InitListExpr>(e))
        return list;
      if (const auto *list = dyn_cast<CXXStdInitializerListExpr>(e)) {
        e = list->getSubExpr();
        continue;
      }
      if (const auto *construct = dyn_cast<CXXConstructExpr>(e); construct && construct->getNumArgs() >= 1) {
        e = construct->getArg(0);
        continue;
      }
      return nullptr;
    }
    return nullptr;
  }

  /// The text of a string literal or of a constant initialised with one.
  std::optional<std::string> constantText(const Expr *e) {
    for (int depth = 0; depth < 6 && e; ++depth) {
      e = strip(e);
      if (const auto *literal = dyn_cast_or_null<StringLiteral>(e))
        return literal->getString().str();
      if (const auto *ref = dyn_cast_or_null<DeclRefExpr>(e)) {
        const auto *var = dyn_cast<VarDecl>(ref->getDecl());
        if (!var || !var->getInit())
          return std::nullopt;
        e = var->getInit();
        continue;
      }
      if (const auto *construct = dyn_cast_or_null<CXXConstructExpr>(e); construct && construct->getNumArgs() >= 1) {
        e = construct->getArg(0);
        continue;
      }
      if (const auto *call = dyn_cast_or_null<CXXMemberCallExpr>(e); call && call->getMethodDecl() &&
                                                                     functionName(call->getMethodDecl()) == "c_str") {
        e = call->getImplicitObjectArgument();
        continue;
      }
      return std::nullopt;
    }
    return std::nullopt;
  }

  // -- JSON bodies built by concatenation ---------------------------------------------------

  /// Follows a Ref to a symbol assigned exactly once in this TU (locals' versions, constants).
  ValuePtr resolveLocal(ValuePtr value, int depth = 0) {
    while (value && value->kind == ValueKind::Ref && depth++ < 16) {
      auto it = tu_.assigned.find(value->text);
      if (it == tu_.assigned.end() || it->second.size() != 1)
        return value;
      value = it->second.front();
    }
    return value;
  }

  void flatten(const ValuePtr &value, std::vector<ValuePtr> &out, int depth = 0) {
    ValuePtr resolved = depth < 8 ? resolveLocal(value) : value;
    if (resolved && resolved->kind == ValueKind::Concat && depth < 8) {
      for (const auto &part : resolved->parts)
        flatten(part, out, depth + 1);
      return;
    }
    out.push_back(resolved && resolved->kind == ValueKind::Literal ? resolved : value);
  }

  /// A concatenation that spells a JSON object becomes a map of its string members.
  ValuePtr jsonify(ValuePtr value) {
    if (!value || value->kind != ValueKind::Concat)
      return value;
    std::vector<ValuePtr> parts;
    flatten(value, parts);
    std::vector<BodyPiece> pieces;
    for (const auto &part : parts)
      pieces.push_back(part->kind == ValueKind::Literal ? BodyPiece{false, part->text} : BodyPiece{true, {}});
    std::vector<BodyField> fields;
    if (!scanConcatenatedJson(pieces, fields) || fields.empty())
      return value;
    std::vector<std::pair<std::string, ValuePtr>> members;
    for (const auto &field : fields) {
      std::vector<ValuePtr> valueParts;
      for (const auto &part : field.parts) {
        const ValuePtr &source = parts[part.piece];
        if (part.hole)
          valueParts.push_back(source);
        else
          valueParts.push_back(makeLiteral(source->text.substr(part.offset, part.length), source->range));
      }
      ValuePtr member = valueParts.empty()  ? makeLiteral("", value->range)
                        : valueParts.size() == 1 ? valueParts.front()
                                                 : makeConcat(std::move(valueParts), value->range);
      members.emplace_back(field.key, member);
    }
    return makeMap(std::move(members), value->range);
  }

  TU &tu_;
  const Decl *owner_;
  const FunctionDecl *fn_;
  struct Breakable {
    bool isSwitch = false;
    State entry;              // a switch's state before its cases
    std::vector<State> exits; // states at its breaks
  };

  State state_;
  bool dead_ = false; // after return, break or continue: no path reaches here
  std::vector<ValuePtr> *returns_ = nullptr; // inlining: return values are collected here
  std::vector<Breakable *> breakables_;
};

bool TU::readsEnvByParameter(const FunctionDecl *fn) {
  const FunctionDecl *definition = nullptr;
  if (!fn->hasBody(definition) || !definition)
    return false;
  auto cached = envHelpers_.find(definition);
  if (cached != envHelpers_.end())
    return cached->second;
  bool found = false;
  std::vector<const Stmt *> pending{definition->getBody()};
  while (!pending.empty() && !found) {
    const Stmt *s = pending.back();
    pending.pop_back();
    if (!s)
      continue;
    if (const auto *call = dyn_cast<CallExpr>(s); call && call->getDirectCallee() && call->getNumArgs() >= 1) {
      Callee callee;
      callee.name = functionName(call->getDirectCallee());
      callee.chain = namespaceChain(call->getDirectCallee()->getDeclContext());
      for (const auto &row : tableIndex().tables.sources)
        if (calleeMatches(row, callee)) {
          const auto *ref = dyn_cast<DeclRefExpr>(strip(call->getArg(0)));
          if (ref && isa<ParmVarDecl>(ref->getDecl()))
            found = true;
        }
    }
    for (const Stmt *child : s->children())
      pending.push_back(child);
  }
  envHelpers_[definition] = found;
  return found;
}

// ---------------------------------------------------------------------------------------------
// The traversal: every function definition, global and field initializer of the user's code.

class Visitor {
public:
  explicit Visitor(TU &tu) : tu_(tu) {}

  void visitContext(const DeclContext *context) {
    for (const Decl *decl : context->decls())
      visit(decl);
  }

private:
  void visit(const Decl *decl) {
    if (!decl || (decl->isInvalidDecl() && !isa<FunctionDecl>(decl) && !isa<VarDecl>(decl)))
      return;
    if (tu_.inSystemHeader(decl->getLocation()))
      return;
    if (const auto *ns = dyn_cast<NamespaceDecl>(decl)) {
      visitContext(ns);
    } else if (const auto *linkage = dyn_cast<LinkageSpecDecl>(decl)) {
      visitContext(linkage);
    } else if (const auto *exported = dyn_cast<ExportDecl>(decl)) {
      visitContext(exported);
    } else if (const auto *functionTemplate = dyn_cast<FunctionTemplateDecl>(decl)) {
      visit(functionTemplate->getTemplatedDecl());
    } else if (const auto *classTemplate = dyn_cast<ClassTemplateDecl>(decl)) {
      visit(classTemplate->getTemplatedDecl());
    } else if (const auto *partial = dyn_cast<ClassTemplatePartialSpecializationDecl>(decl)) {
      visitContext(partial);
    } else if (const auto *spec = dyn_cast<ClassTemplateSpecializationDecl>(decl)) {
      if (spec->isExplicitSpecialization())
        visitContext(spec);
    } else if (const auto *record = dyn_cast<CXXRecordDecl>(decl)) {
      if (record->isThisDeclarationADefinition() && !record->isLambda())
        visitContext(record);
    } else if (const auto *fn = dyn_cast<FunctionDecl>(decl)) {
      visitFunction(fn);
    } else if (const auto *var = dyn_cast<VarDecl>(decl)) {
      visitVar(var);
    } else if (const auto *field = dyn_cast<FieldDecl>(decl)) {
      visitField(field);
    }
  }

  void visitFunction(const FunctionDecl *fn) {
    if (!fn->doesThisDeclarationHaveABody() || fn->isTemplateInstantiation() || fn->isDeleted() || fn->isDefaulted())
      return;
    if (tu_.inModelledLibrary(fn))
      return;
    if (const Stmt *body = fn->getBody()) {
      SourceLocation begin = tu_.sm.getFileLoc(body->getBeginLoc()), end = tu_.sm.getFileLoc(body->getEndLoc());
      if (tu_.sm.getFileID(begin) == tu_.sm.getMainFileID() && tu_.sm.getFileID(end) == tu_.sm.getMainFileID())
        tu_.bodies.emplace_back(tu_.sm.getFileOffset(begin), tu_.sm.getFileOffset(end), fn);
    }
    Walker(tu_, fn).walkFunction(fn);
  }

  void visitVar(const VarDecl *var) {
    if (var->isLocalVarDeclOrParm() || !var->getInit())
      return;
    // A modelled library's code is its rows; its constants (model names) are still data.
    if (tu_.inModelledLibrary(var) && !var->isConstexpr() && !var->getType().isConstQualified())
      return;
    if (var->getTemplateInstantiationPattern() || var->getInit()->isValueDependent())
      return;
    Walker(tu_, var).walkGlobal(var);
  }

  void visitField(const FieldDecl *field) {
    if (!field->hasInClassInitializer() || tu_.inModelledLibrary(field))
      return;
    Walker(tu_, field).walkFieldDefault(field);
  }

  TU &tu_;
};

// ---------------------------------------------------------------------------------------------
// Recovery: sink calls Clang dropped (an undeclared SDK namespace makes the whole statement
// vanish) are found in the main file's tokens and matched by name.

class TokenScan {
public:
  explicit TokenScan(TU &tu) : tu_(tu), lang_(tu.context.getLangOpts()) {}

  void run() {
    FileID main = tu_.sm.getMainFileID();
    llvm::StringRef buffer = tu_.sm.getBufferData(main);
    Lexer lexer(tu_.sm.getLocForStartOfFile(main), lang_, buffer.begin(), buffer.begin(), buffer.end());
    Token token;
    while (true) {
      lexer.LexFromRawLexer(token);
      if (token.is(tok::eof))
        break;
      tokens_.push_back(token);
    }
    for (size_t i = 0; i + 1 < tokens_.size(); ++i)
      if (tokens_[i].is(tok::raw_identifier) && tokens_[i + 1].is(tok::l_paren))
        scanCall(i);
  }

private:
  struct Arg {
    ValuePtr value;
    std::string key;               // object symbol when the argument names a variable
    std::vector<std::string> type; // written type of Type{...} / Type(...)
    bool given = true;
  };

  std::string text(const Token &token) const {
    return Lexer::getSpelling(token, tu_.sm, lang_);
  }
  unsigned offset(const Token &token) const { return tu_.sm.getFileOffset(token.getLocation()); }

  void scanCall(size_t i) {
    std::string name = tokens_[i].getRawIdentifier().str();
    Callee callee;
    callee.name = name;
    callee.resolved = false;
    size_t first = i;
    if (i > 0 && (tokens_[i - 1].is(tok::period) || tokens_[i - 1].is(tok::arrow))) {
      callee.isMember = true;
    } else {
      size_t j = i;
      while (j >= 2 && tokens_[j - 1].is(tok::coloncolon) && tokens_[j - 2].is(tok::raw_identifier)) {
        callee.qualifier.insert(callee.qualifier.begin(), tokens_[j - 2].getRawIdentifier().str());
        j -= 2;
      }
      first = j;
      // A declaration (a return type before the name) is not a call.
      if (first > 0 && tokens_[first - 1].is(tok::raw_identifier) && text(tokens_[first - 1]) != "return")
        return;
    }
    std::vector<const SinkRow *> rows;
    for (const auto &row : tableIndex().tables.sinks)
      if (calleeMatches(row, callee) && (rows.empty() || (row.ns == rows.front()->ns && row.cls == rows.front()->cls)))
        rows.push_back(&row);
    if (rows.empty() || tu_.accessOffsets.count(offset(tokens_[first])) ||
        tu_.resolvedCallOffsets.count(offset(tokens_[first])))
      return;
    // Arguments up to the matching parenthesis.
    std::vector<std::pair<size_t, size_t>> spans;
    size_t k = i + 2, start = k;
    int depth = 0;
    for (; k < tokens_.size(); ++k) {
      const Token &t = tokens_[k];
      if (t.isOneOf(tok::l_paren, tok::l_brace, tok::l_square))
        ++depth;
      else if (t.isOneOf(tok::r_paren, tok::r_brace, tok::r_square)) {
        if (depth == 0)
          break;
        --depth;
      } else if (t.is(tok::comma) && depth == 0) {
        spans.emplace_back(start, k);
        start = k + 1;
      }
    }
    if (k >= tokens_.size())
      return;
    if (k > start)
      spans.emplace_back(start, k);
    unsigned callOffset = offset(tokens_[first]);
    std::vector<Arg> args;
    for (const auto &[b, e] : spans)
      args.push_back(argument(b, e, callOffset));
    Arg object;
    object.given = false;
    if (callee.isMember && i >= 2 && tokens_[i - 2].is(tok::raw_identifier))
      object = variable(text(tokens_[i - 2]), callOffset);

    cloudpact::SourceRange where;
    where.begin = tu_.loc(tokens_[first].getLocation());
    where.end = tu_.loc(tokens_[k].getEndLoc());

    ModelAccess access;
    if (const FunctionDecl *owner = ownerAt(callOffset))
      access.subject = tu_.subjectOf(owner);
    access.kind = AccessKind::Call;
    access.range = where;
    access.confidence = kByNameConfidence;
    for (const auto &api : tableIndex().tables.apis)
      if (api.ns == rows.front()->ns && api.cls == rows.front()->cls)
        access.api = api.label + name;
    ValuePtr sigv4;
    for (const SinkRow *row : rows) {
      if (access.impliedCloud.empty())
        access.impliedCloud = row->cloud;
      std::optional<ValuePtr> value = evaluate(row->input, args, object, where);
      if (!value)
        continue;
      ValuePtr *slot = nullptr;
      switch (row->kind) {
      case SinkKind::Model: slot = &access.model; break;
      case SinkKind::Endpoint: slot = &access.endpoint; break;
      case SinkKind::Region: slot = &access.region; break;
      case SinkKind::Cloud: slot = &access.cloud; break;
      case SinkKind::Sigv4: sigv4 = *value; break;
      }
      if (slot)
        *slot = *slot ? makeChoice({*slot, *value}) : *value;
    }
    if (sigv4)
      tu_.pendingSigv4.emplace_back(tu_.out.accesses.size(), sigv4);
    tu_.accessOffsets.emplace(callOffset, tu_.out.accesses.size());
    tu_.out.accesses.push_back(std::move(access));
  }

  const FunctionDecl *ownerAt(unsigned offset) const {
    const FunctionDecl *best = nullptr;
    unsigned bestSize = ~0u;
    for (const auto &[begin, end, fn] : tu_.bodies)
      if (begin <= offset && offset <= end && end - begin < bestSize) {
        best = fn;
        bestSize = end - begin;
      }
    return best;
  }

  Arg variable(const std::string &name, unsigned before) {
    Arg arg;
    const VarDecl *best = tu_.declaredBefore(name, before);
    if (!best) {
      // Undeclared (its declaration needed a missing header): the same key the AST walk uses.
      arg.key = tu_.unresolvedSymbol(ownerAt(before), name);
      arg.value = makeUnknown("value of " + name);
      return arg;
    }
    arg.key = tu_.varSymbol(best);
    arg.value = makeRef(arg.key);
    return arg;
  }

  Arg argument(size_t begin, size_t end, unsigned callOffset) {
    Arg arg;
    // "literal" "literal" ...
    std::string literal;
    bool allStrings = end > begin;
    for (size_t t = begin; t < end && allStrings; ++t) {
      if (!tokens_[t].is(tok::string_literal) && !tokens_[t].is(tok::utf8_string_literal)) {
        allStrings = false;
        break;
      }
      literal += decode(text(tokens_[t]));
    }
    if (allStrings) {
      cloudpact::SourceRange where;
      where.begin = tu_.loc(tokens_[begin].getLocation());
      where.end = tu_.loc(tokens_[end - 1].getEndLoc());
      JsonNode node;
      size_t brace = literal.find_first_not_of(" \t\r\n");
      if (brace != std::string::npos && literal[brace] == '{' && parseJson(literal, node) &&
          node.kind == JsonNode::Kind::Object)
        arg.value = jsonValue(node, where);
      else
        arg.value = makeLiteral(literal, where);
      return arg;
    }
    if (end == begin + 1 && tokens_[begin].is(tok::raw_identifier))
      return variable(text(tokens_[begin]), callOffset);
    // Type{inner} or Type(inner): the type names the argument, the inner value is its value.
    size_t t = begin;
    std::vector<std::string> type;
    while (t < end && tokens_[t].is(tok::raw_identifier)) {
      type.push_back(text(tokens_[t]));
      if (t + 1 < end && tokens_[t + 1].is(tok::coloncolon))
        t += 2;
      else {
        ++t;
        break;
      }
    }
    if (!type.empty() && t < end && (tokens_[t].is(tok::l_brace) || tokens_[t].is(tok::l_paren)) && end - 1 > t + 1) {
      Arg inner = argument(t + 1, end - 1, callOffset);
      inner.type = type;
      return inner;
    }
    arg.value = makeUnknown("argument not understood without headers");
    return arg;
  }

  static ValuePtr jsonValue(const JsonNode &node, const cloudpact::SourceRange &where) {
    switch (node.kind) {
    case JsonNode::Kind::Object: {
      std::vector<std::pair<std::string, ValuePtr>> fields;
      for (const auto &[key, value] : node.fields)
        fields.emplace_back(key, jsonValue(value, where));
      return makeMap(std::move(fields), where);
    }
    case JsonNode::Kind::Array: {
      std::vector<ValuePtr> items;
      for (const auto &item : node.items)
        items.push_back(jsonValue(item, where));
      return makeList(std::move(items), where);
    }
    default: return makeLiteral(node.text, where);
    }
  }

  static std::string decode(const std::string &spelling) {
    size_t quote = spelling.find('"');
    if (quote == std::string::npos)
      return {};
    if (quote > 0 && spelling[quote - 1] == 'R') {
      size_t open = spelling.find('(', quote);
      std::string delimiter = spelling.substr(quote + 1, open - quote - 1);
      size_t close = spelling.rfind(")" + delimiter + "\"");
      if (open == std::string::npos || close == std::string::npos || close < open)
        return {};
      return spelling.substr(open + 1, close - open - 1);
    }
    std::string out;
    for (size_t i = quote + 1; i + 1 < spelling.size(); ++i) {
      char c = spelling[i];
      if (c == '\\' && i + 2 < spelling.size()) {
        char e = spelling[++i];
        out += e == 'n' ? '\n' : e == 't' ? '\t' : e;
        continue;
      }
      out += c;
    }
    return out;
  }

  std::optional<ValuePtr> evaluate(const PathExpr &expr, const std::vector<Arg> &args, const Arg &object,
                                   cloudpact::SourceRange where) {
    std::vector<ValuePtr> maybe;
    for (const auto &alternative : expr.alternatives) {
      std::vector<ValuePtr> parts;
      bool given = true, fromEnv = false;
      for (const auto &term : alternative) {
        if (term.kind == PathTerm::Kind::Literal) {
          parts.push_back(makeLiteral(term.text));
        } else if (term.kind == PathTerm::Kind::Env) {
          parts.push_back(makeEnvRead(term.text, where, "read by the SDK"));
          fromEnv = true;
        } else if (std::optional<ValuePtr> value = evaluatePath(term.path, args, object, where)) {
          parts.push_back(*value);
        } else {
          given = false;
          break;
        }
      }
      if (!given)
        continue;
      ValuePtr value = parts.size() == 1 ? parts.front() : makeConcat(std::move(parts));
      if (fromEnv) {
        maybe.push_back(value);
        continue;
      }
      maybe.push_back(value);
      return maybe.size() == 1 ? maybe.front() : makeChoice(std::move(maybe));
    }
    if (maybe.empty())
      return std::nullopt;
    return maybe.size() == 1 ? maybe.front() : makeChoice(std::move(maybe));
  }

  std::optional<ValuePtr> evaluatePath(const AccessPath &path, const std::vector<Arg> &args, const Arg &object,
                                       cloudpact::SourceRange where) {
    const Arg *base = nullptr;
    if (path.root != AccessPath::Root::Argument)
      return std::nullopt;
    if (path.select == AccessPath::Select::Index) {
      if (path.index == -1)
        base = object.given ? &object : nullptr;
      else if (static_cast<size_t>(path.index) < args.size())
        base = &args[path.index];
    } else if (path.select == AccessPath::Select::Type) {
      auto wanted = splitQualified(path.selector);
      for (const Arg &arg : args)
        if (!arg.type.empty() && arg.type.size() <= wanted.size() &&
            std::equal(arg.type.rbegin(), arg.type.rend(), wanted.rbegin()))
          base = &arg;
    }
    if (!base)
      return std::nullopt;
    if (path.segments.empty())
      return base->value;
    ValuePtr value;
    for (size_t i = 0; i < path.segments.size(); ++i) {
      if (path.segments[i].dynamic)
        return std::nullopt;
      const std::string &name = path.segments[i].name;
      if (i == 0 && !base->key.empty()) {
        value = makeRef(base->key + "." + name);
        continue;
      }
      ValuePtr from = i == 0 ? base->value : value;
      if (from && from->kind == ValueKind::Map) {
        value = nullptr;
        for (const auto &field : from->fields)
          if (field.first == name)
            value = field.second;
        if (!value)
          return std::nullopt;
        continue;
      }
      value = makeGet(from, name, where);
    }
    return value;
  }

  TU &tu_;
  const LangOptions &lang_;
  std::vector<Token> tokens_;
};

// ---------------------------------------------------------------------------------------------
// After the walk.

/// CURLOPT_AWS_SIGV4 "aws:amz:<region>:<service>": the region and the cloud, where the string is
/// known in this TU.
void resolveSigv4(TU &tu) {
  for (const auto &[index, value] : tu.pendingSigv4) {
    if (index >= tu.out.accesses.size())
      continue;
    std::vector<ValuePtr> literals, pending{value};
    std::set<std::string> seen;
    bool unknown = false;
    while (!pending.empty() && literals.size() < 16) {
      ValuePtr v = pending.back();
      pending.pop_back();
      if (!v)
        continue;
      switch (v->kind) {
      case ValueKind::Literal: literals.push_back(v); break;
      case ValueKind::Choice:
        for (const auto &part : v->parts)
          pending.push_back(part);
        break;
      case ValueKind::Ref: {
        if (!seen.insert(v->text).second)
          break;
        auto it = tu.assigned.find(v->text);
        if (it == tu.assigned.end())
          break; // never set here: the option was not used on this handle
        for (const auto &assigned : it->second)
          pending.push_back(assigned);
        break;
      }
      default: unknown = true; break;
      }
    }
    ModelAccess &access = tu.out.accesses[index];
    std::vector<ValuePtr> regions, clouds;
    for (const auto &literal : literals) {
      // provider[:amz-provider[:region[:service]]]
      std::vector<std::string> parts;
      size_t start = 0;
      while (true) {
        size_t colon = literal->text.find(':', start);
        parts.push_back(literal->text.substr(start, colon == std::string::npos ? std::string::npos : colon - start));
        if (colon == std::string::npos)
          break;
        start = colon + 1;
      }
      if (!parts.empty() && !parts[0].empty())
        clouds.push_back(withPhrase(makeLiteral(parts[0], literal->range), "signed for " + parts[0] + " by CURLOPT_AWS_SIGV4"));
      if (parts.size() >= 3 && !parts[2].empty())
        regions.push_back(withPhrase(makeLiteral(parts[2], literal->range), "region of CURLOPT_AWS_SIGV4"));
    }
    if (unknown && literals.empty())
      regions.push_back(makeUnknown("CURLOPT_AWS_SIGV4 not known statically", access.range));
    if (!regions.empty())
      access.region = regions.size() == 1 ? regions.front() : makeChoice(regions);
    if (!clouds.empty())
      access.cloud = clouds.size() == 1 ? clouds.front() : makeChoice(clouds);
  }
}

} // namespace

void extractTranslationUnit(clang::ASTContext &context, const ExtractOptions &options, Facts &out,
                            std::map<std::string, std::string> &symbolNames) {
  std::optional<TableIndex> extended;
  if (options.tables)
    extended.emplace(*options.tables);
  struct Scope {
    explicit Scope(const TableIndex *tables) { currentTables = tables; }
    ~Scope() { currentTables = nullptr; }
  } scope(extended ? &*extended : nullptr);
  TU tu(context, options, out, symbolNames);
  Visitor visitor(tu);
  visitor.visitContext(context.getTranslationUnitDecl());
  if (options.recover)
    TokenScan(tu).run();
  resolveSigv4(tu);
}

} // namespace cloudpact::cxx
