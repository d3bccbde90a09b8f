# -*- Python -*-
import os
import shutil

import lit.formats

config.name = "cloudpact"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".tf", ".tfvars", ".yaml", ".yml", ".json", ".cpp", ".test"]
config.excludes = ["Inputs", "lit.cfg.py", "lit.site.cfg.py.in", "CMakeLists.txt"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.cloudpact_obj_root, "test")

# LLVM tools first, then the system.
config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, os.path.dirname(config.cloudpact_binary), config.environment.get("PATH", os.environ.get("PATH", ""))])
for name in ("HOME", "TMPDIR", "LANG", "LC_ALL"):
    if name in os.environ:
        config.environment[name] = os.environ[name]
config.environment["NO_COLOR"] = "1"

check_script = os.path.join(config.cloudpact_src_root, "utils", "check_cloudpact.py")
# Longest names first so that %cloudpact does not eat %check_cloudpact's tail.
config.substitutions.append(("%check_cloudpact",
                             "%s %s %s" % (config.python_executable, check_script, config.cloudpact_binary)))
config.substitutions.append(("%cloudpact", config.cloudpact_binary))
config.substitutions.append(("%python", config.python_executable))
config.substitutions.append(("%src_root", config.cloudpact_src_root))
config.substitutions.append(("%inputs", os.path.join(config.cloudpact_src_root, "test", "Inputs")))

if config.enable_cxx:
    config.available_features.add("cxx")
if shutil.which("terraform"):
    config.available_features.add("terraform")
try:
    import yaml  # noqa: F401
    config.available_features.add("pyyaml")
except ImportError:
    pass
for tool, feature in (("pre-commit", "pre-commit"), ("nvim", "nvim"), ("git", "git"), ("script", "script"), ("node", "node"),
                      ("cmake", "cmake")):
    if shutil.which(tool):
        config.available_features.add(feature)
