# Idiom seen in: google-deepmind/kfac-jax examples/classifier_mnist/pipeline.py
# What it reproduces: the experiment config: l2_reg = 1e-5 switches the explicit L2 penalty on; the optax
# momentum optimizer carries no weight decay of its own, so the penalty is the only decay: clean.


def get_config():
  return dict(
      random_seed=190843501,
      experiment_kwargs=dict(
          config=dict(
              l2_reg=1e-5,
              steps=5_000,
              batch_size=1024,
              optimizer=dict(
                  name="sgd",
                  sgd=dict(learning_rate=0.05, momentum=0.9, nesterov=True),
              ),
          ),
      ),
  )
