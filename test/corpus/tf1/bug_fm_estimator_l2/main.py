# Idiom seen in: gdtydm/FM-FFM main.py
# Idiom seen in: gdtydm/FM-FFM model_fn.py
# What it reproduces: the entry point building hparams and an Estimator from create_model_fn(FM); the
# regularizers set in fm_model.py never reach the optimized loss (see fm_model.py).
import tensorflow as tf

from fm_model import FM
from model_fn import create_model_fn
from input_fn import create_input_fn
from hparams import create_hparams


def main(_):
    hparams = create_hparams()
    hparams.l2_reg = 1e-4
    hparams.use_deep = True
    estimator = tf.estimator.Estimator(model_fn=create_model_fn(FM),
                                       model_dir=hparams.model_path,
                                       params=hparams)
    train_input = create_input_fn(hparams.train_path, hparams, shuffle=True)
    eval_input = create_input_fn(hparams.eval_path, hparams, shuffle=False)
    for epoch in range(hparams.epochs):
        estimator.train(input_fn=train_input)
        print(epoch, estimator.evaluate(input_fn=eval_input))


if __name__ == "__main__":
    tf.app.run()
