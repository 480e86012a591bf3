# Idiom seen in: devcomfort/jax-to-tfjs-demo src/jax_to_tfjs/train/jax_trainer.py
# What it reproduces: the repo's JAXTrainer (loss_fn returning (loss, aux), value_and_grad(has_aux=True), optax.adam)
#   with an L2 penalty added by the user but returned in the aux tuple for logging instead of added to the loss:
#   only the first output is differentiated, so the penalty is dropped (WD104).
from typing import Dict, Tuple

import jax
import jax.numpy as jnp
import numpy as np
import optax
from tqdm import tqdm

from cnn_model import CNNModel, Params


class JAXTrainer:
    def __init__(self, model: CNNModel, learning_rate: float = 0.001, weight_decay: float = 5e-4):
        self.model = model
        self.learning_rate = learning_rate
        self.weight_decay = weight_decay
        self.optimizer = optax.adam(learning_rate)
        self.update_step = self._create_update_step()

    def _compute_loss(self, logits: jnp.ndarray, labels: jnp.ndarray) -> jnp.ndarray:
        return optax.softmax_cross_entropy_with_integer_labels(logits=logits, labels=labels).mean()

    def _loss_fn(self, params: Params, batch: Dict[str, np.ndarray]) -> Tuple[jnp.ndarray, tuple]:
        images = jnp.array(batch["image"])
        logits = self.model.forward(params, images)
        loss = self._compute_loss(logits, jnp.array(batch["label"]))
        l2_penalty = self.weight_decay * sum(jnp.sum(jnp.square(w)) for w in jax.tree_util.tree_leaves(params))  # expect: WD104
        return loss, (logits, l2_penalty)

    def _create_update_step(self):
        @jax.jit
        def update_step(params: Params, opt_state: optax.OptState, batch: Dict[str, np.ndarray]):
            (loss, (_, l2_penalty)), grads = jax.value_and_grad(self._loss_fn, has_aux=True)(params, batch)
            updates, opt_state = self.optimizer.update(grads, opt_state)
            params = optax.apply_updates(params, updates)
            return params, opt_state, loss, l2_penalty

        return update_step

    def train(self, train_iter, num_epochs: int = 5, steps_per_epoch: int = 1875) -> Params:
        params = self.model.params
        opt_state = self.optimizer.init(params)
        for epoch in range(num_epochs):
            total_loss, total_l2 = 0.0, 0.0
            progress = tqdm(range(steps_per_epoch), desc=f"Epoch {epoch + 1}")
            for _ in progress:
                batch = next(train_iter)
                params, opt_state, loss, l2_penalty = self.update_step(params, opt_state, batch)
                total_loss += float(loss)
                total_l2 += float(l2_penalty)
                progress.set_postfix(loss=f"{loss:.4f}", l2=f"{l2_penalty:.4f}")
            print(f"epoch {epoch + 1}: loss={total_loss / steps_per_epoch:.4f} l2={total_l2 / steps_per_epoch:.4f}")
        return params
