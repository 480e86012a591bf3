# Idiom seen in: nii-yamagishilab/self-attention-tacotron train.py
# Idiom seen in: nii-yamagishilab/self-attention-tacotron models/models.py
# What it reproduces: training script of the Estimator-based Tacotron; hparams and the TFRecord dataset
#   come from modules this program does not hold. The model_fn's loss includes the L2 term. Clean.
"""Train Tacotron.

Usage: train.py [options]

Options:
    --checkpoint-dir=<dir>   Checkpoint directory.
    --train-files=<files>    Training TFRecords.
    --eval-files=<files>     Evaluation TFRecords.
    --hparams=<parmas>       Hyper parameters. [default: ].
"""
import tensorflow as tf
from docopt import docopt
from hparams import hparams, hparams_debug_string
from datasets.dataset_factory import dataset_factory
from models import TacotronModel


def train_and_evaluate(hparams, model_dir, train_files, eval_files):
    def train_input_fn():
        return dataset_factory(train_files, hparams).shuffle_and_repeat(hparams.suffle_buffer_size).prepare_and_zip() \
            .group_by_batch().prefetch(hparams.prefetch_buffer_size).dataset

    def eval_input_fn():
        return dataset_factory(eval_files, hparams).prepare_and_zip().group_by_batch().dataset

    run_config = tf.estimator.RunConfig(save_summary_steps=hparams.save_summary_steps,
                                        save_checkpoints_steps=hparams.checkpoint_save_steps)
    estimator = TacotronModel(hparams, model_dir, config=run_config)
    train_spec = tf.estimator.TrainSpec(input_fn=train_input_fn)
    eval_spec = tf.estimator.EvalSpec(input_fn=eval_input_fn, steps=hparams.num_evaluation_steps)
    return tf.estimator.train_and_evaluate(estimator, train_spec, eval_spec)


def main():
    args = docopt(__doc__)
    hparams.parse(args["--hparams"])
    tf.logging.info(hparams_debug_string())
    train_and_evaluate(hparams, args["--checkpoint-dir"], args["--train-files"], args["--eval-files"])


if __name__ == '__main__':
    main()
