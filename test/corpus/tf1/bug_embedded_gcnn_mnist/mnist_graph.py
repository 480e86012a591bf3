# Idiom seen in: rusty1s/embedded_gcnn lib/layer/inits.py, lib/layer/var_layer.py, lib/model/model.py, mnist_graph.py
# What it reproduces: layer classes forward weight_decay/bias_decay to weight_variable()/bias_variable(), whose
#   "if decay > 0:" blocks add wd * l2_loss to the "losses" collection; the MNIST graph script (as in the repo)
#   builds every layer with the default decay 0.0, so the decay machinery never runs (total_loss does sum it).
from lib.layers import EmbeddedGCNN as Conv, FC
from lib.model import Model as BaseModel
from lib.datasets import MNIST as Data
from lib.pipeline import generate_placeholders, train, preprocess_pipeline_fixed

LEVELS = 4
LEARNING_RATE = 0.001
NUM_STEPS_PER_DECAY = 5000
DROPOUT = 0.5
BATCH_SIZE = 64
MAX_STEPS = 15000
NUM_FEATURES = 5

data = Data('data/mnist')


class Model(BaseModel):
    def _build(self):
        conv_1_1 = Conv(NUM_FEATURES, 32, adjs_dist=self.placeholders['adj_dist_1'],
                        adjs_rad=self.placeholders['adj_rad_1'])
        conv_1_2 = Conv(32, 32, adjs_dist=self.placeholders['adj_dist_1'],
                        adjs_rad=self.placeholders['adj_rad_1'])
        conv_2_1 = Conv(32, 64, adjs_dist=self.placeholders['adj_dist_2'],
                        adjs_rad=self.placeholders['adj_rad_2'])
        conv_2_2 = Conv(64, 64, adjs_dist=self.placeholders['adj_dist_2'],
                        adjs_rad=self.placeholders['adj_rad_2'])
        fc_1 = FC(8 * 64, data.num_classes, act=lambda x: x, bias=False,
                  dropout=self.placeholders['dropout'])
        self.layers = [conv_1_1, conv_1_2, conv_2_1, conv_2_2, fc_1]


placeholders = generate_placeholders(BATCH_SIZE, LEVELS, NUM_FEATURES, data.num_classes)
model = Model(placeholders=placeholders, learning_rate=LEARNING_RATE, num_steps_per_decay=NUM_STEPS_PER_DECAY)
model.build()
train(model, data, preprocess_pipeline_fixed(LEVELS), BATCH_SIZE, DROPOUT, MAX_STEPS)
