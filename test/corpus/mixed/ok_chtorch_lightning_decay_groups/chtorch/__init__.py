# Idiom seen in: dhis2-chap/chtorch chtorch/lightning_module.py
# Idiom seen in: dhis2-chap/chtorch chtorch/configuration.py
# What it reproduces: Lightning configure_optimizers building torch AdamW from _get_decay_dict(): biases and
# norm params in a weight_decay=0.0 group, embeddings in stronger-decay groups, weight_decay from a pydantic
# ModelConfiguration (1e-6). Decoupled decay, no decay on biases/norms: clean.
