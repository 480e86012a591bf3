# Idiom seen in: Arturus/kaggle-web-traffic model.py, hparams.py, trainer.py
# What it reproduces: the Wikipedia traffic forecasting seq2seq (1st place solution): RNN activation/stability
#   losses summed into the SMAPE loss, and make_train_op() that adds tf.get_collection(REGULARIZATION_LOSSES)
#   before compute_gradients. The fingerprint encoder here carries an l2 kernel_regularizer (not in the repo);
#   make_train_op picks its term up, so the program is clean.
import tensorflow as tf

params_s32 = dict(
    batch_size=256,
    train_window=283,
    train_skip_first=0,
    rnn_depth=267,
    encoder_rnn_layers=1,
    decoder_rnn_layers=1,
    fingerprint_fc_dropout=0.8,
    fingerprint_l2_scale=1e-4,
    encoder_activation_loss=1e-06,
    decoder_activation_loss=5e-06,
    encoder_stability_loss=0.0,
    decoder_stability_loss=0.0,
    decoder_input_dropout=[1.0],
    decoder_output_dropout=[0.975],
)


def build_hparams(name='s32'):
    return tf.contrib.training.HParams(**params_s32)
