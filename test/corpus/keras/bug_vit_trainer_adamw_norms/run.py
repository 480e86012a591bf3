# Idiom seen in: kamalkraj/Vision-Transformer cifar.ipynb
# What it reproduces: the notebook's driver: CIFAR-10 as tf.data, model_config dict, TrainerConfig with
#   weight_decay=0.1 and the Trainer.
import tensorflow as tf

from model import VisionTransformer
from trainer import Trainer, TrainerConfig

(x_train, y_train), (x_test, y_test) = tf.keras.datasets.cifar10.load_data()
train_images = tf.cast(x_train.reshape((-1, 32, 32, 3)), dtype=tf.float32) / 255.0
train_dataset = tf.data.Dataset.from_tensor_slices((train_images, y_train)).shuffle(10000)

model_config = {'image_size': 32, 'patch_size': 4, 'num_classes': 10, 'd_model': 64,
                'num_heads': 4, 'num_layers': 6, 'mlp_dim': 128}
tconf = TrainerConfig(max_epochs=10, batch_size=64, learning_rate=1e-3, weight_decay=0.1)
trainer = Trainer(VisionTransformer, model_config, train_dataset, len(train_images), tconf)
trainer.train()
