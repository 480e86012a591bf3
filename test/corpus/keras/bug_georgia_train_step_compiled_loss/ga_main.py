# Idiom seen in: KatherineMossDeveloper/The-Georgia-Project GAmodel.py
# What it reproduces: the project's ModelTrainer (ResNet101 base, GlobalAveragePooling + Dense/BN/Dropout head, SGD momentum,
#   compile + fit); a realistic mistake on the repo's code: L2 is put on the head Dense layers and the model is wrapped in a
#   train_step override that calls self.compiled_loss(y, y_pred) without regularization_losses=self.losses, so fit runs a step
#   whose loss leaves the head's regularization terms out (WD103 on each regularizer keyword).
import numpy as np
import tensorflow as tf

from GAcallbacks import MetricsLoggerCallback, standard_early_stopping
from GAdata import DataObjectGeneration
from ga_model import create_model


class ModelTrainer:
    def __init__(self, train_dir, val_dir, epochs_total=10, batch=64, images=(224, 224),
                 seed=42, learning=1E-2, study_name='StudyNameNotSpecified'):
        self.train_dir = train_dir
        self.val_dir = val_dir
        self.epochs = epochs_total
        self.batch = batch
        self.target_size = images
        self.seed = seed
        self.learning_rate = learning
        self.study_name = study_name
        tf.random.set_seed(seed)
        np.random.seed(seed)

    def train(self):
        data_generator = DataObjectGeneration(self.target_size, self.batch, self.seed)
        train_generator = data_generator.get_training_data(self.train_dir)
        val_generator = data_generator.get_validation_data(self.val_dir)

        model = create_model()
        sgd_optimizer = tf.keras.optimizers.SGD(learning_rate=self.learning_rate, momentum=0.9)
        model.compile(optimizer=sgd_optimizer, loss='binary_crossentropy', metrics=['accuracy'])

        metrics_logger = MetricsLoggerCallback()
        model.fit(train_generator,
                  steps_per_epoch=train_generator.samples // self.batch,
                  validation_data=val_generator,
                  validation_steps=val_generator.samples // self.batch,
                  epochs=self.epochs,
                  callbacks=[standard_early_stopping, metrics_logger])
        return metrics_logger


if __name__ == '__main__':
    trainer = ModelTrainer('data/train', 'data/val', epochs_total=30, study_name='PG_vs_CEX_l2head')
    trainer.train()
