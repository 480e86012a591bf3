# Idiom seen in: JirkaKlimes/AI-HEXAGON ai_hexagon/tests/hash_map.py
# Idiom seen in: JirkaKlimes/AI-HEXAGON ai_hexagon/test.py
# What it reproduces: one benchmark test: random key/value sequences, the model is trained with its
#   inherited train_step for a fixed number of steps and scored on held-out sequences.
import jax
import jax.numpy as jnp
from pydantic import BaseModel

from transformer import Transformer


class HashMap(BaseModel):
    key_length: int = 8
    value_length: int = 64
    num_pairs: int = 32
    vocab_size: int = 256
    batch_size: int = 32
    steps: int = 2000
    seed: int = 69

    def make_batch(self, key):
        k1, k2 = jax.random.split(key)
        keys = jax.random.randint(k1, (self.batch_size, self.num_pairs, self.key_length), 0, self.vocab_size)
        values = jax.random.randint(k2, (self.batch_size, self.num_pairs, self.value_length), 0,
                                    self.vocab_size)
        x = jnp.concatenate([keys, values], axis=-1).reshape(self.batch_size, -1)
        return x[:, :-1], x[:, 1:]

    def evaluate(self, model) -> float:
        key = jax.random.PRNGKey(self.seed)
        key, init_key = jax.random.split(key)
        x, y = self.make_batch(init_key)
        state = model.init_train_state(x, y, init_key)
        train_step = jax.jit(model.train_step)
        for _ in range(self.steps):
            key, batch_key = jax.random.split(key)
            x, y = self.make_batch(batch_key)
            state = train_step(x, y, state)
        x, y = self.make_batch(jax.random.PRNGKey(self.seed + 1))
        pred = state.apply_fn({"params": state.params}, x).argmax(-1)
        return float((pred == y).mean())


if __name__ == "__main__":
    print(HashMap().evaluate(Transformer(vocab_size=256)))
