# Idiom seen in: livanosg/unet_liver_seg model_fn.py
# Idiom seen in: livanosg/unet_liver_seg train.py
# What it reproduces: the Estimator model_fn minimizing Losses(...).custom_loss() with Adam; the regularizers of
#   model.py fill REGULARIZATION_LOSSES that nothing reads (WD102 is reported in model.py).
import tensorflow as tf
from tensorflow.compat.v1 import estimator
from tensorflow.compat.v1.train import AdamOptimizer as Adam

from losses import Losses
from model import Unet
from data_setup import train_input_fn, eval_input_fn


def unet_model_fn(features, labels, mode, params):
    loss, train_op, predictions_dict = None, None, None
    unet = Unet(params=params)
    logits = unet.model(input_tensor=features['image'], training=mode == estimator.ModeKeys.TRAIN)
    y_pred = tf.math.softmax(logits, axis=-1)

    if mode in (estimator.ModeKeys.TRAIN, estimator.ModeKeys.EVAL):
        with tf.name_scope('Loss_Calculation'):
            loss = Losses(logits=logits, labels=labels['label']).custom_loss()

    if mode == estimator.ModeKeys.TRAIN:
        global_step = tf.compat.v1.train.get_or_create_global_step()
        learning_rate = tf.compat.v1.train.exponential_decay(params['lr'], global_step=global_step,
                                                             decay_steps=params['decay_steps'],
                                                             decay_rate=params['decay_rate'], staircase=False)
        update_ops = tf.compat.v1.get_collection(tf.compat.v1.GraphKeys.UPDATE_OPS)
        with tf.control_dependencies(update_ops):
            train_op = Adam(learning_rate=learning_rate).minimize(loss=loss, global_step=global_step)
        tf.compat.v1.summary.scalar('Learning_Rate', learning_rate)

    if mode == estimator.ModeKeys.PREDICT:
        predictions_dict = {'y_preds': y_pred[:, :, :, 1], 'path': features['path']}
    return estimator.EstimatorSpec(mode, predictions=predictions_dict, loss=loss, train_op=train_op)


def main():
    params = {'batch_norm': True, 'dropout': 0.1, 'classes': 2, 'l2_scale': 1e-4,
              'lr': 1e-4, 'decay_steps': 5000, 'decay_rate': 0.5}
    liver_seg = estimator.Estimator(model_fn=unet_model_fn, model_dir='saved_models/liver', params=params)
    spec_train = tf.estimator.TrainSpec(input_fn=lambda: train_input_fn(batch_size=8), max_steps=60000)
    spec_eval = tf.estimator.EvalSpec(input_fn=lambda: eval_input_fn(batch_size=8), steps=None)
    tf.estimator.train_and_evaluate(liver_seg, spec_train, spec_eval)


if __name__ == '__main__':
    main()
