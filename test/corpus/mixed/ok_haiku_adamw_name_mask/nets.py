# Idiom seen in: google-deepmind/dm-haiku examples/imagenet/train.py (module-level forward fn + hk.transform)
# What it reproduces: the network module: a pre-LayerNorm residual MLP classifier written with haiku
#   modules (hk.Linear params are named 'w' and 'b', hk.LayerNorm ones 'scale' and 'offset'), exposed
#   through a make_network() factory that returns the hk.transform'ed pair.
import haiku as hk
import jax


class ResidualMLPBlock(hk.Module):
    def __init__(self, hidden, dropout_rate, name=None):
        super().__init__(name=name)
        self.hidden = hidden
        self.dropout_rate = dropout_rate

    def __call__(self, x, is_training):
        h = hk.LayerNorm(axis=-1, create_scale=True, create_offset=True)(x)
        h = jax.nn.gelu(hk.Linear(self.hidden)(h))
        if is_training:
            h = hk.dropout(hk.next_rng_key(), self.dropout_rate, h)
        return x + hk.Linear(x.shape[-1])(h)


def _forward(batch, is_training, num_classes=10, width=256, depth=4):
    x = hk.Flatten()(batch["image"])
    x = hk.Linear(width, name="stem")(x)
    for i in range(depth):
        x = ResidualMLPBlock(2 * width, 0.1, name=f"block_{i}")(x, is_training)
    x = hk.LayerNorm(axis=-1, create_scale=True, create_offset=True, name="final_norm")(x)
    return hk.Linear(num_classes, name="logits")(x)


def make_network():
    return hk.transform(_forward)
