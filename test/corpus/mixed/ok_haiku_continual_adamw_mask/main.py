# Idiom seen in: rodSiry/continual-baselines training/base.py
# Idiom seen in: rodSiry/continual-baselines training/adam.py
# What it reproduces: haiku Trainer base class (hk.transform, jax.grad of the criterion) and an AdamTrainer subclass; the subclass
# uses optax.adamw masked by hk.data_structures.map to the "w" leaves only. Clean (the repo used plain optax.adam).
import jax.random as random
from matplotlib import pyplot as plt

from loaders import SequenceGenerator
from models.convnet import convnet_forward
from models.losses import l2_one_hot
from training.adam import AdamTrainer

n_iters = 1000
bs = 10
seq_len = 10000

data = SequenceGenerator()
x, y = data.gen_sequence(seq_len)
key = random.PRNGKey(10)

trainer = AdamTrainer(key, convnet_forward, l2_one_hot, n_iters, bs)
accuracies = trainer.fit(key, x, y)

plt.plot(accuracies)
plt.savefig("adamw_accuracy.png")
