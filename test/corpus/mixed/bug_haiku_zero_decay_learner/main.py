# Idiom seen in: spktrm/porygon2 ml/config.py (defaults-only config instance)
# What it reproduces: the absl entry point: the config is built from two flags only (the Adam block keeps
#   its default), the network factory and the self-play batch collector live in modules this program
#   does not contain.
from absl import app, flags, logging
import jax

from actor import collect_batch
from config import LearnerConfig
from learner import Learner
from nets import make_network

flags.DEFINE_float("learning_rate", 3e-5, "Learner learning rate.")
flags.DEFINE_integer("seed", 42, "Random seed.")
FLAGS = flags.FLAGS


def main(argv):
    del argv
    config = LearnerConfig(learning_rate=FLAGS.learning_rate, seed=FLAGS.seed)
    network = make_network()
    key = jax.random.PRNGKey(config.seed)
    first = collect_batch(None, batch_size=config.batch_size, key=key)
    learner = Learner(network, config, first["obs"], key)
    for step in range(config.num_steps):
        key, sub = jax.random.split(key)
        batch = collect_batch(learner.params, batch_size=config.batch_size, key=sub)
        logs = learner.step(batch)
        if step % 1000 == 0:
            logging.info("step %d: %s", step, logs)


if __name__ == "__main__":
    app.run(main)
