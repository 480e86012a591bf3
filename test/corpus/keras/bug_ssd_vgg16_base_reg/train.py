# Idiom seen in: Socret360/object-detection-in-keras train.py
# What it reproduces: the training entry point: read a JSON config, build SSD_VGG16, compile with
#   SGD and the SSD loss, fit on a data generator. fit adds model.losses, but the backbone's assigned
#   regularizers never became losses (finding in ssd_vgg16.py).
import argparse
import json

from tensorflow.keras.callbacks import ModelCheckpoint
from tensorflow.keras.optimizers import SGD

from data_generators import SSD_DATA_GENERATOR
from losses import SSD_LOSS
from ssd_vgg16 import SSD_VGG16

parser = argparse.ArgumentParser(description='Start the training process of SSD300 VGG16.')
parser.add_argument('config', type=str, help='path to config file.')
parser.add_argument('--label_maps', type=str, required=True)
parser.add_argument('--epochs', type=int, default=100)
parser.add_argument('--learning_rate', type=float, default=10e-3)
parser.add_argument('--output_dir', type=str, default='output')
args = parser.parse_args()

with open(args.config, 'r') as config_file:
    config = json.load(config_file)
with open(args.label_maps, 'r') as f:
    label_maps = [line.strip() for line in f]

model = SSD_VGG16(config=config, label_maps=label_maps)
loss = SSD_LOSS(alpha=config["training"]["alpha"], min_negative_boxes=0, negative_boxes_ratio=3)
optimizer = SGD(learning_rate=args.learning_rate, momentum=0.9, nesterov=False)
model.compile(optimizer=optimizer, loss=loss.compute)

training_data_generator = SSD_DATA_GENERATOR(config=config, label_maps=label_maps, shuffle=True)
model.fit(training_data_generator, epochs=args.epochs,
          callbacks=[ModelCheckpoint(args.output_dir + '/cp_{epoch:02d}.h5', save_weights_only=True)])
