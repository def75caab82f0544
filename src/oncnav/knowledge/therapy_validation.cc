#include "oncnav/knowledge/therapy_validation.h"

#include <algorithm>

#include "oncnav/common/text.h"
#include "oncnav/knowledge/pack.h"

namespace oncnav {
namespace {

class Checker {
 public:
  Checker(const KnowledgePack& pack, std::vector<Error>& errors) : pack_(pack), errors_(errors) {}

  void Fail(const std::string& where, const std::string& reason) {
    errors_.push_back({ErrorCode::kKnowledgeInvalid, where, reason});
  }
  void Drug(const std::string& where, const std::string& inn) {
    if (!pack_.drugs.FindByName(inn)) Fail(where, Cat({"drug '", inn, "' is not in drugs.json"}));
  }
  void Class(const std::string& where, const std::string& cls) {
    const auto& classes = pack_.drugs.classes();
    if (cls != "*" && std::find(classes.begin(), classes.end(), cls) == classes.end())
      Fail(where, Cat({"class '", cls, "' is not declared in drugs.json"}));
  }
  void Sources(const std::string& where, const std::vector<std::string>& ids) {
    for (const auto& id : ids) {
      if (!pack_.sources.count(id))
        Fail(where, Cat({"cites source '", id, "', which manifest.json does not list"}));
    }
  }
  void Text(const std::string& where, const std::string& key) {
    if (!pack_.texts.Has(key)) Fail(where, Cat({"text '", key, "' is missing from texts/"}));
  }
  void Lab(const std::string& where, const std::string& lab) {
    if (!pack_.labs.Find(lab)) Fail(where, Cat({"lab test '", lab, "' is not in labs.json"}));
  }

  void Conditions(const std::string& where, const std::vector<Condition>& conditions) {
    for (const auto& c : conditions) {
      if (const auto* p = std::get_if<PriorCondition>(&c)) {
        if (!p->cls.empty()) Class(where, p->cls);
        if (!p->drug.empty()) Drug(where, p->drug);
      } else if (const auto* n = std::get_if<NotProgressedOnCondition>(&c)) {
        for (const auto& cls : n->classes) Class(where, cls);
        for (const auto& d : n->drugs) Drug(where, d);
      } else if (const auto* b = std::get_if<BiomarkerCondition>(&c)) {
        Text(where, b->test);
      } else if (const auto* g = std::get_if<GermlineCondition>(&c)) {
        Text(where, g->test);
      } else if (const auto* pd = std::get_if<PdL1Condition>(&c)) {
        Text(where, pd->test);
      }
    }
  }

  void Exclusive(const std::string& where, const std::vector<std::string>& regimen) {
    for (const auto& cls : pack_.therapy.exclusive_classes) {
      int n = 0;
      for (const auto& inn : regimen) {
        const auto* d = pack_.drugs.FindByName(inn);
        if (d && d->HasClass(cls)) ++n;
      }
      if (n > 1) Fail(where, Cat({"regimen holds two drugs of the exclusive class '", cls, "'"}));
    }
  }

 private:
  const KnowledgePack& pack_;
  std::vector<Error>& errors_;
};

const std::vector<std::string>& Subtypes() {
  static const std::vector<std::string> s = {"HR+/HER2-", "HR+/HER2+", "HR-/HER2+", "TNBC"};
  return s;
}

}  // namespace

std::vector<std::vector<std::string>> RegimenVariants(const std::vector<std::string>& drugs,
                                                      const std::vector<Alternative>& alts) {
  std::vector<std::vector<std::string>> out = {drugs};
  for (const auto& alt : alts) {
    std::vector<std::string> v;
    for (const auto& d : drugs) {
      if (d == alt.instead_of)
        v.insert(v.end(), alt.use.begin(), alt.use.end());
      else
        v.push_back(d);
    }
    out.push_back(std::move(v));
  }
  return out;
}

void CheckTherapy(const KnowledgePack& pack, std::vector<Error>& errors) {
  Checker check(pack, errors);
  const auto& t = pack.therapy;
  for (const auto& cls : t.exclusive_classes) check.Class("safety.json: $.exclusive_classes", cls);
  for (const auto& o : t.options) {
    std::string where = Cat({"options.json: option ", o.rule.id});
    check.Sources(where, o.rule.sources);
    check.Text(where, Cat({"rationale.", o.rule.id}));
    for (const auto& s : o.subtypes) {
      if (std::find(Subtypes().begin(), Subtypes().end(), s) == Subtypes().end())
        check.Fail(where, Cat({"subtype '", s, "' is not one the engine reports"}));
    }
    for (const auto& [s, tier] : o.tier_by_subtype) {
      if (std::find(o.subtypes.begin(), o.subtypes.end(), s) == o.subtypes.end())
        check.Fail(where, Cat({"tier names subtype '", s, "', which the option does not cover"}));
    }
    for (const auto& h : o.her2) {
      if (h != "positive" && h != "low" && h != "ultralow" && h != "zero")
        check.Fail(where, Cat({"HER2 category '", h, "' is not one the engine reports"}));
    }
    for (const auto& d : o.drugs) check.Drug(where, d);
    for (const auto& a : o.alternatives) {
      if (std::find(o.drugs.begin(), o.drugs.end(), a.instead_of) == o.drugs.end())
        check.Fail(where, Cat({"alternative replaces '", a.instead_of, "', not in the regimen"}));
      for (const auto& d : a.use) check.Drug(where, d);
    }
    for (const auto& v : RegimenVariants(o.drugs, o.alternatives)) check.Exclusive(where, v);
    for (const auto& trial : o.trials) {
      if (!t.trials.count(trial))
        check.Fail(where, Cat({"trial '", trial, "' is not in trials.json"}));
    }
    check.Conditions(where, o.conditions);
    for (const auto& [region, a] : o.approval) {
      std::string at = Cat({where, " approval ", region});
      check.Sources(at, a.sources);
      check.Conditions(at, a.conditions);
    }
  }
  for (const auto& [id, trial] : t.trials)
    check.Sources(Cat({"trials.json: trial ", id}), trial.sources);
  for (const auto& s : t.hard_stops) {
    std::string where = Cat({"safety.json: ", s.rule.id});
    check.Sources(where, s.rule.sources);
    for (const auto& d : s.drugs) check.Drug(where, d);
    for (const auto& d : s.event_on) check.Drug(where, d);
    for (const auto& c : s.classes) check.Class(where, c);
  }
  auto targets = [&](const Rule& rule, const std::string& text, const auto& item) {
    std::string where = Cat({"safety.json: ", rule.id});
    check.Sources(where, rule.sources);
    check.Text(where, text);
    for (const auto& d : item.drugs) check.Drug(where, d);
    for (const auto& cls : item.classes) check.Class(where, cls);
    return where;
  };
  for (const auto& c : t.checks) {
    std::string where = targets(c.rule, c.text, c);
    for (const auto& lab : c.labs) check.Lab(where, lab);
  }
  for (const auto& m : t.monitoring) targets(m.rule, m.text, m);
}

}  // namespace oncnav
