# Idiom seen in: ZermZhang/DeepCTR-tf2 src/utils/runner.py
# Idiom seen in: ZermZhang/DeepCTR-tf2 src/models/subclassing/wide_deep.py
# What it reproduces: a config-driven Runner with a @tf.function GradientTape train_step over a
#   subclassed Wide & Deep model with no layer regularizers; the decay comes only from keras AdamW,
#   whose exclude_from_weight_decay keeps biases and embedding tables out of it: clean.
from config import Config
from load_data import CriteoLoader
from runner import Runner
from wide_deep import WideAndDeep

if __name__ == '__main__':
    CONFIG = Config('./configs/wide_deep.yaml')
    data_loader = CriteoLoader(CONFIG)
    model = WideAndDeep(CONFIG)
    runner = Runner(model, CONFIG)
    runner.progress(data_loader.train_ds, data_loader.test_ds)
