# Idiom seen in: EthanSchmitt7/TurbaNet src/turbanet/loss.py
# Idiom seen in: EthanSchmitt7/TurbaNet src/turbanet/turba_train_state.py
# What it reproduces: swarm loss functions return (loss, aux) for jax.value_and_grad(has_aux=True); a user adds an L2 weight penalty
# but returns it inside the aux tuple "for logging", so only the MSE is differentiated and the decay is dropped (WD104, user mistake).
import numpy as np
import optax
from flax import linen as nn

from turbanet import TurbaTrainState, regularized_l2_loss


class Brain(nn.Module):
    hidden_size: int = 32

    @nn.compact
    def __call__(self, x):
        x = nn.relu(nn.Dense(self.hidden_size)(x))
        x = nn.relu(nn.Dense(self.hidden_size)(x))
        return nn.Dense(1)(x)


def main(swarm_size=16, input_size=3, epochs=2000):
    rng = np.random.default_rng(0)
    x = rng.uniform(-1.0, 1.0, size=(swarm_size, 256, input_size)).astype(np.float32)
    y = np.sin(x.sum(axis=-1, keepdims=True)).astype(np.float32)

    optimizer = optax.adam(learning_rate=1e-3)
    swarm = TurbaTrainState.swarm(Brain(), optimizer, swarm_size, input_size)
    swarm = swarm.set_loss_fn(regularized_l2_loss)

    for epoch in range(epochs):
        swarm, loss, (prediction, reg) = swarm.train(x, y)
        if epoch % 200 == 0:
            print(f"epoch {epoch}: loss {loss.mean():.5f} reg {reg.mean():.5f}")


if __name__ == "__main__":
    main()
