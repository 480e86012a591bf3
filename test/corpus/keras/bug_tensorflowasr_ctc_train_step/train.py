# Idiom seen in: TensorSpeech/TensorFlowASR tensorflow_asr/models/keras/ctc.py
# Idiom seen in: TensorSpeech/TensorFlowASR tensorflow_asr/models/keras/conformer.py
# What it reproduces: the example training script: build the Conformer-CTC, compile with a Transformer
# learning-rate schedule and fit; fit runs the overridden train_step, which leaves model.losses out.
import argparse

import tensorflow as tf

from tensorflow_asr.configs.config import Config
from tensorflow_asr.datasets.asr_dataset import ASRSliceDataset
from tensorflow_asr.featurizers.text_featurizers import CharFeaturizer
from tensorflow_asr.optimizers.schedules import TransformerSchedule
from keras_ctc import ConformerCtc

parser = argparse.ArgumentParser(prog="Conformer CTC Training")
parser.add_argument("--config", type=str, default="config.yml", help="The file path of model configuration file")
parser.add_argument("--bs", type=int, default=None, help="Batch size per replica")
parser.add_argument("--mxp", default=False, action="store_true", help="Enable mixed precision")
args = parser.parse_args()

config = Config(args.config)
text_featurizer = CharFeaturizer(config.decoder_config)
train_dataset = ASRSliceDataset(text_featurizer=text_featurizer, **vars(config.learning_config.train_dataset_config))
eval_dataset = ASRSliceDataset(text_featurizer=text_featurizer, **vars(config.learning_config.eval_dataset_config))
global_batch_size = args.bs or config.learning_config.running_config.batch_size

conformer = ConformerCtc(vocabulary_size=text_featurizer.num_classes, dmodel=144, num_blocks=4)
conformer._build([None, 80, 1])
optimizer = tf.keras.optimizers.Adam(TransformerSchedule(d_model=144, warmup_steps=10000),
                                     beta_1=0.9, beta_2=0.98, epsilon=1e-9)
conformer.compile(optimizer=optimizer, global_batch_size=global_batch_size, blank=text_featurizer.blank,
                  use_loss_scale=args.mxp)
conformer.fit(train_dataset.create(global_batch_size), epochs=config.learning_config.running_config.num_epochs,
              validation_data=eval_dataset.create(global_batch_size))
