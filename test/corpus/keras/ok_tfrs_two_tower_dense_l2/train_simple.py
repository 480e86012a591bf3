# Idiom seen in: thusithaC/tfrs_two_tower src/train_scripts/train_simple.py
# What it reproduces: builds lookups from the events frame, compiles the tfrs model with Adam and calls fit();
#   the towers' regularization losses are added by tfrs.Model.train_step (clean).
import numpy as np
import tensorflow as tf

from config import get_logger, get_params
from recommender_model import RecommenderModel
from utils.common import get_integer_lookup_layer, get_train_test_split
from utils.data_ops import get_dataset_simple

logger = get_logger(__name__)
tf.random.set_seed(42)
np.random.seed(42)

params = get_params("simple")
events_df, events_ds, items_ds = get_dataset_simple()
user_ids_vocabulary = get_integer_lookup_layer(events_df, "user_id")
item_ids_vocabulary = get_integer_lookup_layer(events_df, "item_id")
model = RecommenderModel(user_ids_vocabulary, item_ids_vocabulary, items_ds,
                         dense_layers=params["dense_layers"])

train, test = get_train_test_split(events_ds, params["train_test_split"])
cached_train = train.batch(params["defaults"]["batch_size"]).cache()
cached_test = test.batch(params["defaults"]["batch_size"]).cache()
model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=params["learning_rate"]))
callbacks = [tf.keras.callbacks.EarlyStopping(patience=params["early_stopping_patience"])]
history = model.fit(cached_train, epochs=params["epochs"], validation_data=cached_test,
                    callbacks=callbacks, validation_freq=params["validation_freq"])
logger.info(model.evaluate(cached_test, return_dict=True))
