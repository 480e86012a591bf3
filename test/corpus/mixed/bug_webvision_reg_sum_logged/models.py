# Idiom seen in: shivgarg/webvision-video code/train.py
# Idiom seen in: shivgarg/webvision-video code/models.py
# Idiom seen in: shivgarg/webvision-video code/head.py
# What it reproduces: a TFBertModel-based video-step model whose Dense layers carry l2 kernel regularizers; the
#   tf.function train_step sums tf.add_n(model.losses) inside the tape but only logs it, and tape.gradient gets
#   the bare task loss (user change to the real loop).
import tensorflow as tf
from tensorflow.keras import Model
from tensorflow.keras.layers import Dense
from tensorflow.keras.regularizers import l2
from transformers import BertConfig, TFBertModel

from head import BertHead

HEADS = {'default': BertHead}


class BertBasic(Model):
    def __init__(self, config={}):
        super(BertBasic, self).__init__()
        self.fc1 = Dense(config['base_config']['hidden_size'], activation='relu',
                         kernel_regularizer=l2(config['l2']))
        self.model_config = BertConfig.from_dict(config['base_config'])
        self.base = TFBertModel(self.model_config)
        self.head = HEADS[config['head']['name']](config['l2'])

    def call(self, embeds, attention_mask=None, training=False):
        if attention_mask is None:
            attention_mask = tf.cast(tf.reduce_any(tf.not_equal(embeds, 0.0), axis=-1), tf.int32)
        x = self.fc1(embeds)
        x = self.base(None, attention_mask=attention_mask, inputs_embeds=x, training=training)[0]
        return self.head(x), attention_mask
