# Idiom seen in: nixingyang/AdaptiveL2Regularization solution.py
# Idiom seen in: nixingyang/AdaptiveL2Regularization utils/model_utils.py
# What it reproduces: absl-flags person re-identification trainer: ResNet50 backbone plus classification and
#   embedding heads, the regularization factors from flags applied by specify_regularizers (which rebuilds the
#   model from JSON), then training/inference models sliced from the merged model, compile(Adam) and fit. Clean.
import os

import tensorflow as tf
from absl import app, flags
from tensorflow.keras import backend as K
from tensorflow.keras.layers import BatchNormalization, Dense, GlobalAveragePooling2D, Input
from tensorflow.keras.losses import categorical_crossentropy
from tensorflow.keras.models import Model
from tensorflow.keras.optimizers import Adam

from datasets import load_accumulated_info_of_dataset
from metric_learning.triplet_hermans import batch_hard
from utils.model_utils import specify_regularizers
from data_generator import TrainDataSequence

flags.DEFINE_string("root_folder_path", "", "Folder path of the dataset.")
flags.DEFINE_string("dataset_name", "Market1501", "Name of the dataset.")
flags.DEFINE_integer("image_width", 128, "Width of the images.")
flags.DEFINE_integer("image_height", 384, "Height of the images.")
flags.DEFINE_float("kernel_regularization_factor", 0.005, "Regularization factor of kernel.")
flags.DEFINE_float("bias_regularization_factor", 0.005, "Regularization factor of bias.")
flags.DEFINE_float("gamma_regularization_factor", 0.005, "Regularization factor of gamma.")
flags.DEFINE_float("beta_regularization_factor", 0.005, "Regularization factor of beta.")
flags.DEFINE_float("learning_rate", 2e-4, "Learning rate.")
flags.DEFINE_integer("steps_per_epoch", 200, "Number of steps per epoch.")
flags.DEFINE_integer("epoch_num", 200, "Number of epochs.")
flags.DEFINE_string("output_folder_path", os.path.abspath(os.path.join(__file__, "../output")), "Output folder.")
FLAGS = flags.FLAGS


def init_model(input_shape, class_num, kernel_regularization_factor, bias_regularization_factor,
               gamma_regularization_factor, beta_regularization_factor):
    backbone = tf.keras.applications.ResNet50(include_top=False, weights="imagenet", input_shape=input_shape)
    input_tensor = Input(shape=input_shape)
    feature = GlobalAveragePooling2D()(backbone(input_tensor))
    embedding = BatchNormalization(name="embedding_bn")(feature)
    classification = Dense(class_num, use_bias=False, activation="softmax", name="classification")(embedding)
    merged_model = Model(inputs=[input_tensor], outputs=[classification, feature, embedding])
    merged_model = specify_regularizers(merged_model, kernel_regularization_factor, bias_regularization_factor,
                                        gamma_regularization_factor, beta_regularization_factor)

    training_model = Model(inputs=[merged_model.input], outputs=merged_model.output[:-1], name="training_model")
    inference_model = Model(inputs=[merged_model.input], outputs=[merged_model.output[-1]], name="inference_model")

    def classification_loss(y_true, y_pred):
        return categorical_crossentropy(y_true, y_pred, from_logits=False, label_smoothing=0.1)

    def triplet_loss(y_true, y_pred):
        return batch_hard(K.flatten(K.argmax(y_true, axis=-1)), y_pred, margin="soft")

    training_model.compile(optimizer=Adam(learning_rate=FLAGS.learning_rate),
                           loss=[classification_loss, triplet_loss])
    return training_model, inference_model


def main(_):
    train_and_valid_accumulated_info_dataframe, _, _, class_num = load_accumulated_info_of_dataset(
        FLAGS.root_folder_path, FLAGS.dataset_name)
    input_shape = (FLAGS.image_height, FLAGS.image_width, 3)
    training_model, inference_model = init_model(
        input_shape, class_num, FLAGS.kernel_regularization_factor, FLAGS.bias_regularization_factor,
        FLAGS.gamma_regularization_factor, FLAGS.beta_regularization_factor)
    train_generator = TrainDataSequence(train_and_valid_accumulated_info_dataframe, input_shape, class_num)
    training_model.fit(x=train_generator, steps_per_epoch=FLAGS.steps_per_epoch, epochs=FLAGS.epoch_num,
                       verbose=2)
    inference_model.save(os.path.join(FLAGS.output_folder_path, "inference_model.h5"))


if __name__ == "__main__":
    app.run(main)
