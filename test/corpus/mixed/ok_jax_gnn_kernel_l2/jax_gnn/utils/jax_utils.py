# Idiom seen in: CrawlScript/jax-gnn demo/demo_gcn.py (find_params_by_name(params["params"], lambda name: "kernel"
#   in name) imported from jax_gnn.utils.jax_utils; the helper body is written here)
# What it reproduces: collect the leaves of a nested parameter dict whose key satisfies a predicate.
# label-note: no findings here (clean program); see demo_gcn.py.
import jax.numpy as jnp


def convert_to_jax(data, dtype=None):
    return data if data is None else jnp.asarray(data, dtype=dtype)


def find_params_by_name(params, name_filter):
    found = []
    for name, value in params.items():
        if isinstance(value, dict) or hasattr(value, "items"):
            found.extend(find_params_by_name(value, name_filter))
        elif name_filter(name):
            found.append(value)
    return found
