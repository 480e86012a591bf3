# Idiom seen in: dhis2-chap/chtorch chtorch/lightning_module.py
# Idiom seen in: dhis2-chap/chtorch chtorch/configuration.py
# What it reproduces: Lightning configure_optimizers building torch AdamW from _get_decay_dict(): biases and
# norm params in a weight_decay=0.0 group, embeddings in stronger-decay groups, weight_decay from a pydantic
# ModelConfiguration (1e-6). Decoupled decay, no decay on biases/norms: clean.
from pydantic import BaseModel


class ModelConfiguration(BaseModel, extra="forbid"):
    n_hidden: int = 4
    embed_dim: int = 4
    num_rnn_layers: int = 1
    weight_decay: float = 1e-6  # Regularization
    max_epochs: int | None = None
    learning_rate: float = 1e-3
    batch_size: int = 64
    context_length: int = 12
    past_ratio: float = 0.2
